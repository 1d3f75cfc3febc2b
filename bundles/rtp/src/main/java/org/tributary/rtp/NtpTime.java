package org.tributary.rtp;

import java.time.Instant;

/**
 * 64-bit NTP timestamps as RTCP uses them (RFC 3550 section 4): seconds since 1 January 1900 in
 * the high 32 bits, the fraction of a second in the low 32 bits.
 */
public final class NtpTime {

    /** Seconds from 1900-01-01 (the NTP era) to 1970-01-01 (the Java epoch). */
    public static final long EPOCH_OFFSET_SECONDS = 2_208_988_800L;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private NtpTime() {
    }

    /**
     * @param instant a wall-clock time
     * @return the NTP timestamp of that time
     */
    public static long fromInstant(Instant instant) {
        long seconds = instant.getEpochSecond() + EPOCH_OFFSET_SECONDS;
        long fraction = ((long) instant.getNano() << 32) / NANOS_PER_SECOND;
        return (seconds << 32) | fraction;
    }

    /**
     * @param ntpTimestamp a 64-bit NTP timestamp
     * @return its middle 32 bits, the short form RTCP uses for LSR and round-trip times
     *         (units of 1/65536 second)
     */
    public static long compact(long ntpTimestamp) {
        return (ntpTimestamp >>> 16) & 0xFFFF_FFFFL;
    }
}
