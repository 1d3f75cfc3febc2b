package org.tributary.source.live.internal.playlist;

import java.util.List;

import org.tributary.api.MediaKind;
import org.tributary.rtp.PayloadFormat;
import org.tributary.rtp.RtpTrack;

/**
 * What viewers were told about one track in the broadcast's SDP. Every item of a playlist must
 * match the first one track by track, since viewers cannot learn of a change mid-broadcast.
 *
 * @param kind        video or audio
 * @param payloadType the RTP payload type
 * @param rtpmap      the rtpmap value, such as {@code H264/90000}
 * @param fmtp        the format parameters (H.264 parameter sets, AAC config), or null
 */
record TrackFormat(MediaKind kind, int payloadType, String rtpmap, String fmtp) {

    /** @return the formats of the tracks, in order */
    static List<TrackFormat> of(List<RtpTrack> tracks) {
        return tracks.stream().map(t -> {
            PayloadFormat format = t.format();
            return new TrackFormat(t.track().kind(), format.payloadType(), format.rtpmap(), format.fmtp());
        }).toList();
    }
}
