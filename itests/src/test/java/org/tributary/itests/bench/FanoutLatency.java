package org.tributary.itests.bench;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.tributary.itests.support.RtpHeader;

/**
 * The latency every viewer's copy of a probe packet saw from the publisher's send to the tool's
 * receive, for all copies together, and per packet for the first and the last copy to arrive: the
 * first copy shows the server's forwarding delay, the last one adds the time to send all the copies
 * before it. Written by the receiver thread only; read once it has stopped, except for the volatile
 * progress figures.
 */
final class FanoutLatency implements RtpPacketListener {

    private final LatencyHistogram allCopies = new LatencyHistogram();
    private final long[] firstCopy;
    private final long[] lastCopy;
    private volatile long copies;
    private volatile long lastArrivalNanos;
    private long unreadable;

    /** Tracks first and last copies of the packets numbered 0 to {@code packets - 1}. */
    FanoutLatency(int packets) {
        firstCopy = new long[packets];
        lastCopy = new long[packets];
        Arrays.fill(firstCopy, Long.MAX_VALUE);
        Arrays.fill(lastCopy, Long.MIN_VALUE);
    }

    @Override
    public void onPacket(RtpHeader header, ByteBuffer packet, long arrivalNanos) {
        ProbePacket.Probe probe;
        try {
            probe = ProbePacket.read(header, packet);
        } catch (IllegalArgumentException tooShort) {
            unreadable++;
            return;
        }
        long latency = arrivalNanos - probe.sendNanos();
        allCopies.record(latency);
        if (probe.counter() >= 0 && probe.counter() < firstCopy.length) {
            int index = (int) probe.counter();
            firstCopy[index] = Math.min(firstCopy[index], latency);
            lastCopy[index] = Math.max(lastCopy[index], latency);
        }
        copies++;
        lastArrivalNanos = arrivalNanos;
    }

    /** Returns the copies received so far (any thread). */
    long copies() {
        return copies;
    }

    /** Returns when the last copy arrived, 0 before the first (any thread). */
    long lastArrivalNanos() {
        return lastArrivalNanos;
    }

    /** Returns the packets whose payload could not hold a probe. */
    long unreadable() {
        return unreadable;
    }

    /** Returns the latency of every copy received. */
    LatencyHistogram allCopies() {
        return allCopies;
    }

    /** Returns, over the packets that reached at least one viewer, the latency of the earliest copy. */
    LatencyHistogram firstCopies() {
        return perPacket(firstCopy, Long.MAX_VALUE);
    }

    /** Returns, over the packets that reached at least one viewer, the latency of the latest copy. */
    LatencyHistogram lastCopies() {
        return perPacket(lastCopy, Long.MIN_VALUE);
    }

    private static LatencyHistogram perPacket(long[] latencies, long unset) {
        LatencyHistogram histogram = new LatencyHistogram();
        for (long latency : latencies) {
            if (latency != unset) {
                histogram.record(latency);
            }
        }
        return histogram;
    }
}
