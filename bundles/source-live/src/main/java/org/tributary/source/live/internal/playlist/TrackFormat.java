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

    /**
     * @param item      an item's track formats
     * @param broadcast the broadcast's
     * @return how the item differs, readable on one line, or empty when it matches
     */
    static String difference(List<TrackFormat> item, List<TrackFormat> broadcast) {
        if (item.size() != broadcast.size()) {
            return "it has " + item.size() + " track(s) (" + names(item) + "), the broadcast " + broadcast.size()
                    + " (" + names(broadcast) + ")";
        }
        for (int i = 0; i < item.size(); i++) {
            TrackFormat mine = item.get(i);
            TrackFormat theirs = broadcast.get(i);
            if (!mine.name().equals(theirs.name())) {
                return "its track " + (i + 1) + " is " + mine.name() + ", the broadcast's is " + theirs.name();
            }
            if (!mine.equals(theirs)) {
                return "its track " + (i + 1) + " (" + mine.name() + ") has other codec parameters (such as "
                        + "picture size or profile) than the broadcast's";
            }
        }
        return "";
    }

    /** @return such as {@code video H264/90000} */
    String name() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + rtpmap;
    }

    private static String names(List<TrackFormat> formats) {
        return String.join(", ", formats.stream().map(TrackFormat::name).toList());
    }
}
