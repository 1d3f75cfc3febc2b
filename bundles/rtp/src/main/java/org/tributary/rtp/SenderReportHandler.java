package org.tributary.rtp;

/** Receives the clock mapping of each Sender Report read by {@link Rtcp#senderReports}. */
@FunctionalInterface
public interface SenderReportHandler {

    /**
     * @param ntpTimestamp the sender's wall-clock time of the report, a 64-bit NTP timestamp
     * @param rtpTimestamp the RTP timestamp of the same instant, 0..2<sup>32</sup>-1
     */
    void senderReport(long ntpTimestamp, long rtpTimestamp);
}
