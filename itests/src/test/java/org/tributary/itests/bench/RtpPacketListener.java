package org.tributary.itests.bench;

import java.nio.ByteBuffer;
import org.tributary.itests.support.RtpHeader;

/** What the {@link UdpReceiver} thread does with each RTP packet a channel receives. */
@FunctionalInterface
interface RtpPacketListener {

    /**
     * Accounts one packet, on the receiver thread.
     *
     * @param header its parsed RTP header
     * @param packet the whole packet between position and limit; valid only during the call, not to be moved
     * @param arrivalNanos its arrival on a monotonic clock ({@link System#nanoTime()})
     */
    void onPacket(RtpHeader header, ByteBuffer packet, long arrivalNanos);

    /** Returns a listener that feeds {@code stats} with the packet's size, then this one. */
    static RtpPacketListener counting(RtpStreamStats stats, RtpPacketListener then) {
        return (header, packet, arrivalNanos) -> {
            stats.onPacket(header, packet.remaining(), arrivalNanos);
            then.onPacket(header, packet, arrivalNanos);
        };
    }

    /** Returns a listener that ignores every packet. */
    static RtpPacketListener none() {
        return (header, packet, arrivalNanos) -> {
        };
    }
}
