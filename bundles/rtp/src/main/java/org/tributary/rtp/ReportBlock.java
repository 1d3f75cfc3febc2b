package org.tributary.rtp;

/**
 * One reception report block of an RTCP SR or RR (RFC 3550 section 6.4.1): what a receiver says
 * about one source it receives.
 *
 * @param ssrc                       the source the report is about
 * @param fractionLost               packets lost since the previous report, in 1/256 units (0..255)
 * @param cumulativeLost             packets lost since the start; signed, negative when duplicates arrived
 * @param extendedHighestSequence    highest sequence number received, extended with the wrap count
 * @param jitter                     interarrival jitter in RTP timestamp units
 * @param lastSenderReport           LSR: middle 32 bits of the NTP timestamp of the last SR received, 0 if none
 * @param delaySinceLastSenderReport DLSR: delay between that SR and this report, in 1/65536 second
 */
public record ReportBlock(int ssrc, int fractionLost, int cumulativeLost, long extendedHighestSequence,
                          long jitter, long lastSenderReport, long delaySinceLastSenderReport) {

    /** @return the fraction lost as a ratio 0..1 */
    public double fractionLostRatio() {
        return fractionLost / 256.0;
    }

    /**
     * @param clockRate the RTP clock rate of the reported stream
     * @return the jitter in milliseconds
     */
    public double jitterMillis(int clockRate) {
        return jitter * 1000.0 / clockRate;
    }
}
