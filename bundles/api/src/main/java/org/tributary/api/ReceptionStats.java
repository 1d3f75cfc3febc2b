package org.tributary.api;

/**
 * What a client reported about the media it received (RTCP receiver reports).
 *
 * @param reports         how many receiver reports were read
 * @param cumulativeLost  packets the client counts as lost
 * @param fractionLost    fraction lost since the previous report, 0..1
 * @param jitterMillis    interarrival jitter in milliseconds
 * @param lossPercent     packets lost since the start, in percent of those the client expected
 * @param roundTripMillis round-trip time from the last report (RFC 3550 section 6.4.1: arrival minus
 *                        the time of the sender report it answers minus the client's delay), NaN
 *                        until a report answers one of the server's sender reports
 */
public record ReceptionStats(long reports, long cumulativeLost, double fractionLost, double jitterMillis,
                             double lossPercent, double roundTripMillis) {

    /** The value before any report arrived. */
    public static final ReceptionStats NONE = new ReceptionStats(0, 0, 0, 0, 0, Double.NaN);
}
