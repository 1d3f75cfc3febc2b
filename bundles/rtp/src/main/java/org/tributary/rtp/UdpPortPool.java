package org.tributary.rtp;

import java.util.BitSet;
import java.util.OptionalInt;
import java.util.function.IntPredicate;

/**
 * Hands out pairs of consecutive UDP ports, an even RTP port and the odd RTCP port after it
 * (RFC 3550 section 11), from a fixed range. Thread-safe; the range is the only cap.
 * <p>
 * Allocation moves round the range instead of always restarting at its bottom, so a port that was
 * just released is the last to be reused: late packets meant for an ended session are unlikely to
 * reach the next one.
 */
public final class UdpPortPool {

    /** First port of the default range, as QuickTime Streaming Server uses. */
    public static final int DEFAULT_MIN_PORT = 6970;
    /** Last port of the default range. */
    public static final int DEFAULT_MAX_PORT = 9999;

    private final int firstRtpPort;
    private final int pairCount;
    private final BitSet taken;
    private int next;

    /** A pool over the default range 6970–9999. */
    public UdpPortPool() {
        this(DEFAULT_MIN_PORT, DEFAULT_MAX_PORT);
    }

    /**
     * @param minPort lowest port that may be handed out; an odd value starts the pairs one above it
     * @param maxPort highest port that may be handed out, inclusive
     * @throws IllegalArgumentException when the range is outside 1..65535 or holds no even/odd pair
     */
    public UdpPortPool(int minPort, int maxPort) {
        if (minPort < 1 || maxPort > 65_535 || minPort > maxPort) {
            throw new IllegalArgumentException("UDP port range " + minPort + "-" + maxPort + " is not within 1-65535");
        }
        this.firstRtpPort = minPort + (minPort & 1);
        this.pairCount = (maxPort - firstRtpPort + 1) / 2;
        if (pairCount <= 0) {
            throw new IllegalArgumentException("UDP port range " + minPort + "-" + maxPort
                    + " holds no even RTP port followed by its RTCP port");
        }
        this.taken = new BitSet(pairCount);
    }

    /**
     * Takes the next free pair.
     *
     * @return the even RTP port (RTCP is the one above it), or empty when every pair is taken
     */
    public OptionalInt acquirePair() {
        return acquirePair(port -> true);
    }

    /**
     * Takes the next free pair that {@code canBind} accepts. A pair it refuses (another process
     * holds one of its ports) is left free and skipped, so it may be offered again later. The
     * predicate runs outside the pool's lock, so it may open and test sockets.
     *
     * @param canBind told the RTP port of a candidate pair; true to take it
     * @return the even RTP port, or empty when no free pair was accepted
     */
    public OptionalInt acquirePair(IntPredicate canBind) {
        for (int attempt = 0; attempt < pairCount; attempt++) {
            int pair = reserveNext();
            if (pair < 0) {
                return OptionalInt.empty();
            }
            int rtpPort = firstRtpPort + 2 * pair;
            boolean accepted = false;
            try {
                accepted = canBind.test(rtpPort);
            } finally {
                if (!accepted) {
                    release(rtpPort);
                }
            }
            if (accepted) {
                return OptionalInt.of(rtpPort);
            }
        }
        return OptionalInt.empty();
    }

    private synchronized int reserveNext() {
        int pair = taken.nextClearBit(next);
        if (pair >= pairCount) {
            pair = taken.nextClearBit(0);
            if (pair >= pairCount) {
                return -1;
            }
        }
        taken.set(pair);
        next = (pair + 1) % pairCount;
        return pair;
    }

    /**
     * Gives a pair back.
     *
     * @param rtpPort the even port {@link #acquirePair()} returned
     * @return true when the pair was taken and is now free; false for a port this pool never
     *         handed out or a pair already released
     */
    public synchronized boolean release(int rtpPort) {
        int offset = rtpPort - firstRtpPort;
        if (offset < 0 || (offset & 1) != 0 || offset / 2 >= pairCount || !taken.get(offset / 2)) {
            return false;
        }
        taken.clear(offset / 2);
        return true;
    }

    /** @return how many pairs are taken now */
    public synchronized int inUse() {
        return taken.cardinality();
    }

    /** @return how many pairs the range holds */
    public int capacity() {
        return pairCount;
    }
}
