package org.tributary.api;

import java.nio.ByteBuffer;

/** What a protocol server implements to receive a live broadcast for one viewer. */
public interface LiveViewer {

    /**
     * One RTP packet as the broadcast relays it, shared by every viewer: read-only and never changed
     * afterwards, so a viewer may keep a reference to it (to send it without copying it) after the call.
     * Every viewer gets the same buffer object: a viewer reads it by absolute index, or through its own
     * {@code duplicate()}, and never moves its position or limit.
     *
     * @param track  the track index
     * @param packet the whole RTP packet (header included)
     */
    void rtp(int track, ByteBuffer packet);

    /**
     * Asked once per frame, before its first packet: whether the viewer can take a new frame of a track
     * now. When it cannot (its socket is full), the broadcast skips the whole frame for this viewer, and
     * for video the frames that depend on it up to the next key frame, so a slow viewer never stalls the
     * publisher or the other viewers and never gets half a picture.
     *
     * @param track the track index
     * @return false to skip the frame that starts now; the viewer counts what it skipped
     */
    default boolean ready(int track) {
        return true;
    }

    /**
     * The publisher's clock mapping for a track, from its RTCP sender report.
     *
     * @param track        the track index
     * @param ntpTimestamp 64-bit NTP time
     * @param rtpTimestamp the publisher's RTP timestamp at that time
     */
    void senderReport(int track, long ntpTimestamp, long rtpTimestamp);

    /** The broadcast ended (publisher left, timed out or was kicked). */
    void ended();
}
