package org.tributary.source.live.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * One track's timeline as viewers see it: continuous across publishers. The first publisher's sequence
 * numbers and timestamps pass unchanged; when another publisher continues the broadcast, its numbers are
 * shifted so that its first packet follows the last one relayed, its timestamp advanced by the wall-clock
 * time in between, so viewers' players see a gap in time, not a new stream.
 */
final class Timeline {

    private final int clockRate;
    private boolean mapped;
    private boolean relayedAny;
    private int sequenceOffset;
    private long timestampOffset;
    private int lastSequence;
    private long lastTimestamp;
    private long lastNanos;

    /** @param clockRate the track's RTP clock rate in Hz */
    Timeline(int clockRate) {
        this.clockRate = clockRate;
    }

    /** The next packet comes from a new publisher, with its own numbering. */
    synchronized void rebase() {
        mapped = false;
    }

    /**
     * Rewrites the sequence number and timestamp of a packet the broadcast owns onto the timeline.
     *
     * @param packet    a checked RTP packet from index 0; changed in place
     * @param nowNanos  monotonic time of its arrival
     */
    synchronized void map(ByteBuffer packet, long nowNanos) {
        int sequenceIn = packet.getShort(2) & 0xffff;
        long timestampIn = packet.getInt(4) & 0xffffffffL;
        if (!mapped) {
            mapped = true;
            if (relayedAny) {
                long elapsedTicks = TimeUnit.NANOSECONDS.toMicros(Math.max(0, nowNanos - lastNanos)) * clockRate
                        / 1_000_000L;
                sequenceOffset = lastSequence + 1 - sequenceIn;
                timestampOffset = lastTimestamp + Math.max(1, elapsedTicks) - timestampIn;
            }
        }
        lastSequence = (sequenceIn + sequenceOffset) & 0xffff;
        lastTimestamp = (timestampIn + timestampOffset) & 0xffffffffL;
        lastNanos = nowNanos;
        relayedAny = true;
        packet.putShort(2, (short) lastSequence);
        packet.putInt(4, (int) lastTimestamp);
    }

    /**
     * @param timestampIn a timestamp of the current publisher, such as one from its sender report
     * @return the timestamp on the timeline, or -1 before the publisher's first packet mapped its numbering
     */
    synchronized long mapTimestamp(long timestampIn) {
        return mapped ? (timestampIn + timestampOffset) & 0xffffffffL : -1;
    }
}
