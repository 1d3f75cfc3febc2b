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

    /**
     * Counts a packet the protocol server refused for this publication before handing it over (from a
     * foreign port or SSRC), so management tools show it with the publication's dropped packets. Never blocks.
     *
     * @param track the track index the packet was sent for
     * @param cause why it was refused, for a (rate-limited) log line
     */
    default void refused(int track, String cause) {
        // a publication that counts nothing
    }

    /**
     * Tells the protocol server when the source ends the publication from its side (the source stopped, or
     * dropped this publisher for silence or for another one), so it can end the publisher's session and
     * connection. Not told for {@link #close()}.
     *
     * @param ended run once, on the thread that ended it (at once if it already ended); must not block
     */
    default void onEnd(Runnable ended) {
        // a publication that only ends by close()
    }

    /** Ends the broadcast (publisher left or was kicked); viewers get a clean end. Idempotent. */
    void close();
}
