package org.tributary.rtp;

/** Conversions between a track's timescale and an RTP clock. */
public final class RtpClock {

    private RtpClock() {
    }

    /**
     * Converts {@code time} from {@code fromScale} to {@code toScale} units, rounding towards
     * negative infinity, without the overflow of {@code time * toScale}.
     * <p>
     * For times so large that the result exceeds 64 bits, the result wraps around modulo 2<sup>64</sup>,
     * so its low 32 bits, the RTP timestamp, are still exact.
     *
     * @param time      a time in {@code fromScale} units; may be negative
     * @param fromScale units per second of {@code time}, positive
     * @param toScale   units per second of the result, positive
     * @return the time in {@code toScale} units
     * @throws IllegalArgumentException when a scale is not positive
     */
    public static long convert(long time, int fromScale, int toScale) {
        if (fromScale <= 0 || toScale <= 0) {
            throw new IllegalArgumentException("timescales must be positive: " + fromScale + " -> " + toScale);
        }
        if (fromScale == toScale) {
            return time;
        }
        // whole seconds and the remainder separately: the remainder product stays below 2^62
        long seconds = Math.floorDiv(time, fromScale);
        long remainder = Math.floorMod(time, fromScale);
        return seconds * toScale + remainder * toScale / fromScale;
    }
}
