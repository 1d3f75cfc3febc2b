package org.tributary.rtp;

import java.util.List;

/**
 * What a received compound RTCP packet tells a sender.
 *
 * @param reports the report blocks of its SR and RR packets, in order
 * @param bye     true when it holds a BYE: the receiver is leaving
 */
public record RtcpFeedback(List<ReportBlock> reports, boolean bye) {

    /** Feedback from a packet that held nothing usable. */
    public static final RtcpFeedback EMPTY = new RtcpFeedback(List.of(), false);

    /** Freezes the list. */
    public RtcpFeedback {
        reports = List.copyOf(reports);
    }
}
