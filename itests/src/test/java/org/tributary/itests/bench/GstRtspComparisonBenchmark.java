package org.tributary.itests.bench;

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.tributary.itests.support.FreePorts;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Issue 12's target 2: {@code bench.compareViewers} (default 200) UDP viewers of the same 60 s movie
 * from Tributary and from Debian's gst-rtsp-server with one pipeline per viewer
 * ({@code tools/gst-rtsp-reference.py}), the same C load tool against each. Both servers run; they take
 * turns after one unmeasured warm-up each, Tributary, gst-rtsp-server, Tributary, ... ({@code bench.rounds}
 * each, default 2), so a busy machine weighs on both alike. Each turn's row goes to {@code target/benchmark-gst.md}, the comparison
 * (mean CPU of each and the ratio; the target is at most 0.25x) to {@code target/benchmark-comparison.md}.
 * Run by {@code mvn -B -Pbenchmark -pl itests verify -Dbench.test=GstRtspComparisonBenchmark}.
 */
public class GstRtspComparisonBenchmark {

    private static final int VIEWERS = Integer.getInteger("bench.compareViewers", 200);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);

    /** One server under test. */
    private record Target(String name, String url, long pid) {
    }

    @Test
    public void tributaryAndGstRtspServer() throws Exception {
        GstRtspReference.require();
        Path work = Files.createDirectories(Path.of(System.getProperty("tributary.work", "target"), "gst-bench"));
        Path turns = Path.of(System.getProperty("bench.gstReport", "target/benchmark-gst.md"));
        Path comparison = Path.of(System.getProperty("bench.comparisonReport", "target/benchmark-comparison.md"));
        LoadTool tool = LoadTool.build(work);
        try (TributaryDistribution tributary = new TributaryDistribution()
                .withRtpPortRange(100)
                .withConfig("org.tributary.rtsp.cfg", Map.of("maxSessionsPerAddress", "0"))) {
            tributary.start();
            Path movie = LoadTool.longSample(tributary.mediaDir().resolve("sample.mp4"), work);
            Files.copy(movie, tributary.mediaDir().resolve(movie.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            try (GstRtspReference gst = GstRtspReference.start(movie, FreePorts.tcp(1)[0], work.resolve("gst.log"))) {
                List<Target> targets = List.of(
                        new Target("Tributary", tributary.url(movie.getFileName().toString()), tributary.pid()),
                        new Target("gst-rtsp-server", gst.url(), gst.pid()));
                for (Target target : targets) {
                    // unmeasured: Tributary's JIT and both servers' first pipelines and buffers
                    tool.run(target.url(), VIEWERS, "udp", new ProcessSampler(target.pid(), 100), "-w", "3");
                }
                List<List<LoadToolRun>> runs = List.of(new ArrayList<>(), new ArrayList<>());
                for (int round = 1; round <= ROUNDS; round++) {
                    for (int i = 0; i < targets.size(); i++) {
                        Target target = targets.get(i);
                        ProcessSampler sampler = new ProcessSampler(target.pid(), ProcessSampler.clockTicksPerSecond());
                        LoadToolRun run = tool.run(target.url(), VIEWERS, "udp", sampler, "-S", Long.toString(target.pid()));
                        runs.get(i).add(run);
                        MarkdownReport.append(turns, LoadToolRun.labelledHeader("server"), run.labelledRow(target.name()));
                        assertTrue(target.name() + ": no viewer played: " + run.firstError(), run.count("playing") > 0);
                    }
                }
                SideBySide result = compare(runs.get(0), runs.get(1));
                MarkdownReport.append(comparison, SideBySide.HEADER, result.row());
                System.out.println("\n" + String.join("\n", SideBySide.HEADER) + "\n" + result.row());
            }
        }
    }

    private static SideBySide compare(List<LoadToolRun> tributary, List<LoadToolRun> gst) {
        List<LoadToolRun> all = new ArrayList<>(tributary);
        all.addAll(gst);
        return new SideBySide("2: file viewers, RTP/UDP", VIEWERS, "gst-rtsp-server 1.22 (a pipeline per viewer)",
                tributary.stream().mapToDouble(LoadToolRun::serverCpuPercent).toArray(),
                gst.stream().mapToDouble(LoadToolRun::serverCpuPercent).toArray(), worstLoss(tributary), worstLoss(gst),
                all.stream().mapToDouble(LoadToolRun::toolCpuPercent).toArray(), ProcessSampler.loadAverage());
    }

    private static String worstLoss(List<LoadToolRun> runs) {
        return String.format(java.util.Locale.ROOT, "%.3f %%",
                runs.stream().mapToDouble(LoadToolRun::lossPercent).max().orElse(0));
    }
}
