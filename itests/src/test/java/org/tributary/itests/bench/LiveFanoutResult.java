package org.tributary.itests.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one live fan-out run, printed as a table and appended as a Markdown row.
 *
 * @param viewers viewers asked for
 * @param playing viewers that were set up and answered PLAY 200 before the first packet
 * @param mbpsIn the publisher's rate, whole RTP packets counted
 * @param sent packets the publisher sent
 * @param received copies received over all playing viewers
 * @param gapLost copies missing from the viewers' own sequence numbers (RFC 3550 expected minus received)
 * @param latency publisher send to viewer receive, over all copies
 * @param firstCopy the same per packet for its earliest copy: the server's forwarding delay
 * @param lastCopy the same per packet for its latest copy: forwarding plus sending every copy before
 * @param serverCpuPercent server JVM CPU while sending, in % of one core
 * @param serverRssMiB largest server resident set seen
 * @param toolCpuPercent this JVM's CPU while sending (publisher and receivers), in % of one core
 * @param udpReceiveErrors the host's UDP receive-buffer overflows during the run (all sockets)
 */
record LiveFanoutResult(int viewers, int playing, double mbpsIn, long sent, long received, long gapLost,
        Percentiles latency, Percentiles firstCopy, Percentiles lastCopy, double serverCpuPercent,
        double serverRssMiB, double toolCpuPercent, long udpReceiveErrors) {

    private static final String HEADER = "| viewers | playing | Mbps in | packets sent | received/expected | loss % "
            + "| seq-gap lost | latency p50/p99/max ms | first copy p50/p99 ms | last copy p50/p99 ms "
            + "| server CPU % | server RSS MiB | tool CPU % | UDP rcvbuf errors |";
    private static final String RULE = "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    /**
     * Median, 99th percentile and largest value of a latency histogram, in milliseconds.
     *
     * @param p50 the median
     * @param p99 the 99th percentile
     * @param max the largest
     */
    record Percentiles(double p50, double p99, double max) {

        /** Reads them from a histogram. */
        static Percentiles of(LatencyHistogram histogram) {
            return new Percentiles(histogram.percentileMillis(0.5), histogram.percentileMillis(0.99),
                    histogram.maxMillis());
        }
    }

    /** Returns the copies every playing viewer should have received: one per packet sent. */
    long expected() {
        return sent * playing;
    }

    /** Returns the missing share of the expected copies, in percent (0 when nothing was expected). */
    double lossPercent() {
        return expected() == 0 ? 0 : 100.0 * Math.max(0, expected() - received) / expected();
    }

    /** Returns the Markdown table header and separator lines. */
    static List<String> markdownHeader() {
        return List.of(HEADER, RULE);
    }

    /** Returns this run as one Markdown table row. */
    String markdownRow() {
        return String.format(Locale.ROOT, "| %d | %d | %.2f | %d | %d/%d | %.3f | %d | %.3f/%.3f/%.3f | %.3f/%.3f "
                + "| %.3f/%.3f | %.1f | %.0f | %.1f | %d |", viewers, playing, mbpsIn, sent, received, expected(),
                lossPercent(), gapLost, latency.p50(), latency.p99(), latency.max(), firstCopy.p50(), firstCopy.p99(),
                lastCopy.p50(), lastCopy.p99(), serverCpuPercent, serverRssMiB, toolCpuPercent, udpReceiveErrors);
    }

    /** Returns the header and this row, for the console. */
    String table() {
        return String.join("\n", markdownHeader()) + "\n" + markdownRow();
    }

    /** Appends this row to a Markdown file, writing the header first when the file is new. */
    void appendTo(Path file) throws IOException {
        MarkdownReport.append(file, markdownHeader(), markdownRow());
    }
}
