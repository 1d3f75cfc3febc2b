package org.tributary.itests.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one load run, printed as a table and appended as a Markdown row.
 *
 * @param sessions sessions asked for
 * @param setUp sessions that were set up and answered PLAY 200
 * @param completed sessions whose every track streamed to the end of the movie
 * @param received RTP packets received over all sessions
 * @param expected RTP packets expected (RFC 3550, from sequence numbers)
 * @param audioJitter mean and largest interarrival jitter of the audio tracks: the transport figure
 * @param videoJitter the same for video; it includes B-frame reordering (RTP timestamps are
 *        presentation times sent in decoding order), so it is high even on a perfect network
 * @param serverCpuPercent server JVM CPU over the play time, in % of one core
 * @param serverRssMiB largest server resident set seen
 * @param serverThreads most server threads seen
 * @param toolCpuPercent this JVM's CPU over the play time, in % of one core
 * @param playSeconds wall time from PLAY to the end of reception
 */
record BenchmarkResult(int sessions, int setUp, int completed, long received, long expected,
        Jitter audioJitter, Jitter videoJitter, double serverCpuPercent, double serverRssMiB,
        long serverThreads, double toolCpuPercent, double playSeconds) {

    private static final String HEADER = "| sessions | set up | completed | packets received/expected | loss % "
            + "| audio jitter mean/max ms | video jitter mean/max ms | server CPU % | server RSS MiB "
            + "| server threads | tool CPU % | play s |";
    private static final String RULE = "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    /**
     * Mean and largest RFC 3550 jitter over a set of tracks, in milliseconds.
     *
     * @param meanMs the mean over the tracks
     * @param maxMs the largest
     */
    record Jitter(double meanMs, double maxMs) {

        /** Summarizes the jitter of the tracks of one media kind (zeros when there are none). */
        static Jitter of(Collection<RtpStreamStats> tracks, String media) {
            double[] values = tracks.stream().filter(t -> t.media().equals(media))
                    .mapToDouble(RtpStreamStats::jitterMillis).toArray();
            return new Jitter(Arrays.stream(values).average().orElse(0),
                    Arrays.stream(values).max().orElse(0));
        }
    }

    /** Returns the lost share of the expected packets, in percent (0 when nothing was expected). */
    double lossPercent() {
        return expected == 0 ? 0 : 100.0 * Math.max(0, expected - received) / expected;
    }

    /** Returns the Markdown table header and separator lines. */
    static List<String> markdownHeader() {
        return List.of(HEADER, RULE);
    }

    /** Returns this run as one Markdown table row. */
    String markdownRow() {
        return String.format(Locale.ROOT,
                "| %d | %d | %d | %d/%d | %.3f | %.2f/%.2f | %.2f/%.2f | %.1f | %.0f | %d | %.1f | %.1f |",
                sessions, setUp, completed, received, expected, lossPercent(), audioJitter.meanMs(),
                audioJitter.maxMs(), videoJitter.meanMs(), videoJitter.maxMs(), serverCpuPercent, serverRssMiB,
                serverThreads, toolCpuPercent, playSeconds);
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
