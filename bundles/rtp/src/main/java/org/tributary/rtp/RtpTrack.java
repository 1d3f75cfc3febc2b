package org.tributary.rtp;

import java.util.Objects;

import org.tributary.api.TrackInfo;

/**
 * A track of a presentation together with the payload format it is sent with.
 *
 * @param track  the track as its source describes it
 * @param format its RTP payload format
 */
public record RtpTrack(TrackInfo track, PayloadFormat format) {

    /** Rejects missing parts. */
    public RtpTrack {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(format, "format");
    }

    /** @return the control URL of the track, relative to the presentation URL, as SDP and SETUP use it */
    public String control() {
        return "trackID=" + track.id();
    }

    /**
     * @param trackTime a time in the track's timescale, such as {@link org.tributary.api.MediaSample#presentationTime()}
     * @return the same time on the RTP clock (not yet offset nor truncated to 32 bits)
     */
    public long toRtpTime(long trackTime) {
        return RtpClock.convert(trackTime, track.timescale(), format.clockRate());
    }
}
