package org.tributary.api;

/**
 * What a client reported about the media it received (RTCP receiver reports).
 *
 * @param reports         how many receiver reports were read
 * @param cumulativeLost  packets the client counts as lost
 * @param fractionLost    fraction lost since the previous report, 0..1
 * @param jitterMillis    interarrival jitter in milliseconds
 */
public record ReceptionStats(long reports, long cumulativeLost, double fractionLost, double jitterMillis) {

    /** The value before any report arrived. */
    public static final ReceptionStats NONE = new ReceptionStats(0, 0, 0, 0);
}
