package org.tributary.api;

import java.nio.ByteBuffer;
import java.util.List;

/** The publisher's side of a live broadcast: what the protocol server feeds with received packets. */
public interface Publication {

    /**
     * @return the tracks' control attributes as announced (such as {@code streamid=0}), in SDP order;
     *         {@code ""} for the one track of an SDP without {@code a=control} (the aggregate URL)
     */
    List<String> controls();

    /**
     * Takes one RTP packet of a track. Never blocks; a broken packet is dropped and counted.
     *
     * @param track  the track index, in SDP order
     * @param packet the whole RTP packet, valid only during the call
     */
    void rtp(int track, ByteBuffer packet);

    /**
     * Takes an RTCP compound packet of a track (its sender reports keep viewers in sync).
     *
     * @param track  the track index
     * @param packet the compound packet, valid only during the call
     */
    void rtcp(int track, ByteBuffer packet);

    /** Ends the broadcast (publisher left or was kicked); viewers get a clean end. Idempotent. */
    void close();
}
