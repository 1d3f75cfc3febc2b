package org.tributary.itests.bench;

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.Test;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Issue 12's targets 1 and 5: file viewers of a 60 s movie (sample.mp4 looped) at each of
 * {@code bench.sizes} (default 500,1000,2000,4000) over each of {@code bench.transports} (default
 * udp,tcp), all from the C load tool ({@link LoadTool}), against one running distribution. Each run
 * sets the viewers up in a ramp ({@code bench.ramp}/s), plays them all and measures
 * {@code bench.window} seconds (default 20): the server's CPU, RSS and threads ({@link ProcessSampler}),
 * loss and jitter, the tool's own CPU, and the pacing of one viewer's audio (arrival against RTP
 * timestamps). Rows go to {@code target/benchmark-capacity.md} and {@code target/benchmark-pacing.md}.
 * Run by {@code mvn -B -Pbenchmark -pl itests verify -Dbench.test=CapacityBenchmark -Dbench.sizes=500,1000}.
 */
public class CapacityBenchmark {

    private static final List<Integer> SIZES = Arrays.stream(System.getProperty("bench.sizes", "500,1000,2000,4000")
            .split(",")).map(String::trim).map(Integer::valueOf).toList();
    private static final List<String> TRANSPORTS = Arrays.stream(System.getProperty("bench.transports", "udp,tcp")
            .split(",")).map(String::trim).toList();
    private static final List<String> PACING_HEADER = List.of(
            "| transport | sessions | pacing p50 / p99 / max (ms) | packets timed | UDP receive drops | load average |",
            "|---|---:|---:|---:|---:|---|");

    @Test
    public void fileViewersAtEachSize() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("tributary.work", "target"), "capacity-bench"));
        Path report = Path.of(System.getProperty("bench.capacityReport", "target/benchmark-capacity.md"));
        Path pacingReport = Path.of(System.getProperty("bench.pacingReport", "target/benchmark-pacing.md"));
        int largest = SIZES.stream().mapToInt(Integer::intValue).max().orElse(0);
        LoadTool tool = LoadTool.build(work);
        // viewers share one RTP/RTCP socket pair per event loop: a range of 100 ports carries every size;
        // all sessions come from 127.0.0.1
        try (TributaryDistribution server = new TributaryDistribution()
                .withRtpPortRange(100)
                .withConfig("org.tributary.rtsp.cfg", Map.of("maxConnections", "0", "maxSessionsPerAddress", "0"))) {
            server.start();
            Path movie = LoadTool.longSample(server.mediaDir().resolve("sample.mp4"), work);
            Files.copy(movie, server.mediaDir().resolve(movie.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            long pid = server.pid();
            ProcessSampler sampler = new ProcessSampler(pid, ProcessSampler.clockTicksPerSecond());
            // at least the RTSP connection per session; UDP sockets per session, if the server opens
            // them, show as refused set-ups with the server's reason in the tool's first error
            LoadSessions.checkFileLimits(sampler, largest, 1);
            List<String> rows = new ArrayList<>();
            for (String transport : TRANSPORTS) {
                for (int size : SIZES) {
                    LoadToolRun run = tool.run(server.url(movie.getFileName().toString()), size, transport, sampler,
                            "-S", Long.toString(pid));
                    String label = transport.toUpperCase(Locale.ROOT);
                    rows.add(run.labelledRow(label));
                    MarkdownReport.append(report, LoadToolRun.labelledHeader("transport"), run.labelledRow(label));
                    MarkdownReport.append(pacingReport, PACING_HEADER, String.format(Locale.ROOT,
                            "| %s | %,d | %.2f / %.2f / %.2f | %,d | %,d | %s |", label, size, run.number("pacing_p50_ms"),
                            run.number("pacing_p99_ms"), run.number("pacing_max_ms"), run.count("pacing_samples"),
                            run.count("udp_drops"), ProcessSampler.loadAverage()));
                    if (!run.firstError().isEmpty()) {
                        System.out.println(size + " " + transport + " sessions, first error: " + run.firstError());
                    }
                    assertTrue("no session played at " + size + " over " + transport + ": " + run.firstError(),
                            run.count("playing") > 0);
                }
            }
            System.out.println("\nFile viewers of a 60 s movie, C load tool\n"
                    + String.join("\n", LoadToolRun.labelledHeader("transport")) + "\n" + String.join("\n", rows));
        }
    }
}
