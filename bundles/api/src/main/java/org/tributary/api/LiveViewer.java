package org.tributary.api;

import java.nio.ByteBuffer;

/** What a protocol server implements to receive a live broadcast for one viewer. */
public interface LiveViewer {

    /**
     * One RTP packet as the publisher sent it, shared by every viewer: read-only, valid only during
     * the call; copy what must outlive it.
     *
     * @param track  the track index
     * @param packet the whole RTP packet (header included)
     */
    void rtp(int track, ByteBuffer packet);

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
