package org.tributary.itests.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.FreePorts;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Issue 10's benchmark: {@code bench.listeners} (default 1000) MP3 listeners at 128 kbit/s, read by one
 * {@link HttpListeners} thread, of Tributary and, in the same run, of Debian's Icecast 2 fed the same file
 * by its own ffmpeg ({@code -re -stream_loop -1 ... -c copy -f mp3 icecast://}). The servers take turns,
 * Tributary, Icecast, Tributary, ... ({@code bench.rounds} each, default 2), so a busy machine weighs on
 * both alike; each turn connects the listeners, lets them settle for {@link #SETTLE}, then measures over
 * {@code bench.seconds} (default 20): the server's CPU (from /proc/PID/stat, % of one core) and largest RSS,
 * the tool thread's CPU, the listeners' rates (slowest, median) and stalls (no data for over
 * {@link #STALL}). Both servers burst {@link #BURST_SECONDS} s of audio to a new listener. Run by
 * {@code mvn -B -Pbenchmark -pl itests verify -Dbench.test=Mp3ListenersBenchmark -Dbench.listeners=1000};
 * rows are printed and appended to {@code target/benchmark-mp3.md}.
 */
public class Mp3ListenersBenchmark {

    private static final int LISTENERS = Integer.getInteger("bench.listeners", 1000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "20"));
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final Duration STALL = Duration.ofSeconds(1);
    private static final int BURST_SECONDS = 3;
    /** 128 kbit/s. */
    private static final int BYTES_PER_SECOND = 16_000;
    private static final String PASSWORD = "bench-2026";
    private static final String MOUNT = "/bench";

    /** One server under test: where listeners connect and which process pays. */
    private record Target(String name, int port, ProcessSampler process) {
    }

    @Test
    public void mp3ListenersOfTributaryAndIcecast() throws Exception {
        Tools.require("ffmpeg", "icecast2");
        Path work = Files.createDirectories(Path.of(System.getProperty("tributary.work", "target"), "mp3-bench"));
        Path song = makeSong(work);
        Path report = Path.of(System.getProperty("bench.mp3Report", "target/benchmark-mp3.md"));
        long ticks = ProcessSampler.clockTicksPerSecond();
        try (TributaryDistribution tributary = new TributaryDistribution()
                        .withConfig("org.tributary.mp3.cfg", Map.of("sourcePassword", PASSWORD,
                                "maxListeners", Integer.toString(LISTENERS + 100),
                                "burstSeconds", Integer.toString(BURST_SECONDS)))
                        .withConfig("org.tributary.rtsp.cfg", Map.of("maxConnections", "0",
                                "maxSessionsPerAddress", "0"));
                Icecast2Server icecast = Icecast2Server.start(work, FreePorts.tcp(1)[0], PASSWORD, LISTENERS + 100,
                        BURST_SECONDS * BYTES_PER_SECOND)) {
            tributary.start();
            List<Target> targets = List.of(
                    new Target("Tributary", tributary.rtspPort(), new ProcessSampler(tributary.pid(), ticks)),
                    new Target("Icecast 2.4", icecast.port(), new ProcessSampler(icecast.pid(), ticks)));
            // one listener socket here and one in the server per listener, on both servers at once at worst
            LoadSessions.checkFileLimits(targets.get(0).process(), LISTENERS, 1);
            LoadSessions.checkFileLimits(targets.get(1).process(), LISTENERS, 1);
            List<Mp3BenchRow> rows = new ArrayList<>();
            try (Mp3Source one = Mp3Source.start(song, tributary.rtspPort(), PASSWORD, MOUNT, work.resolve("ffmpeg-t.log"));
                    Mp3Source two = Mp3Source.start(song, icecast.port(), PASSWORD, MOUNT, work.resolve("ffmpeg-i.log"))) {
                for (Target target : targets) {
                    Mp3Source.awaitOnAir(target.port(), MOUNT);
                }
                for (int round = 1; round <= ROUNDS; round++) {
                    for (Target target : targets) {
                        rows.add(measure(target, round));
                        System.out.println(Mp3BenchRow.HEADER.get(0) + "\n" + rows.get(rows.size() - 1).row());
                    }
                }
                assertTrue("a source stopped during the run", one.isAlive() && two.isAlive());
            }
            System.out.printf("%nMP3 listeners, %d per server, 128 kbit/s, window %.0f s%n%s%n", LISTENERS, SECONDS,
                    String.join("\n", Mp3BenchRow.HEADER));
            for (Mp3BenchRow row : rows) {
                System.out.println(row.row());
                MarkdownReport.append(report, Mp3BenchRow.HEADER, row.row());
            }
            SideBySide comparison = compare(rows);
            MarkdownReport.append(Path.of(System.getProperty("bench.comparisonReport", "target/benchmark-comparison.md")),
                    SideBySide.HEADER, comparison.row());
            System.out.println("\n" + String.join("\n", SideBySide.HEADER) + "\n" + comparison.row());
            assertTrue("no listener received audio", rows.stream().allMatch(row -> row.rates().receiving() > 0));
        }
    }

    private static Mp3BenchRow measure(Target target, int round) throws Exception {
        try (HttpListeners listeners = HttpListeners.start(new InetSocketAddress("127.0.0.1", target.port()),
                MOUNT, LISTENERS)) {
            await(LISTENERS + " listeners of " + target.name()).atMost(Duration.ofSeconds(60 + LISTENERS / 25))
                    .pollInterval(Duration.ofMillis(250))
                    .conditionEvaluationListener(progress -> {
                        if (progress.getRemainingTimeInMS() < 250) {
                            System.out.printf("%s: %d listeners answered, %d refused, %d reopened%n", target.name(),
                                    listeners.answered(), listeners.refused(), listeners.retries());
                        }
                    })
                    .until(() -> listeners.answered() + listeners.refused() >= LISTENERS);
            System.out.printf("%s: %d listeners answered, %d refused, %d connections opened again%n", target.name(),
                    listeners.answered(), listeners.refused(), listeners.retries());
            long[] maxRss = {0};
            waitSampling(SETTLE, target.process(), maxRss);
            listeners.mark();
            long[] before = listeners.bytes();
            long start = System.nanoTime();
            long serverCpu = target.process().cpuNanos();
            long toolCpu = listeners.cpuNanos();
            waitSampling(Duration.ofMillis((long) (SECONDS * 1000)), target.process(), maxRss);
            long[] after = listeners.bytes();
            long[] gaps = listeners.longestGaps();
            double wall = System.nanoTime() - start;
            double serverPercent = 100.0 * (target.process().cpuNanos() - serverCpu) / wall;
            double toolPercent = 100.0 * (listeners.cpuNanos() - toolCpu) / wall;
            ListenerRates rates = ListenerRates.of(before, after, gaps, wall / 1e9, STALL.toNanos());
            return new Mp3BenchRow(target.name(), round, LISTENERS,
                    listeners.refused() + listeners.closed(), rates, serverPercent,
                    maxRss[0] / (1024.0 * 1024.0), toolPercent, Files.readString(Path.of("/proc/loadavg")).trim());
        }
    }

    /** Target 4: the mean CPU of each server over its turns and the ratio. */
    private static SideBySide compare(List<Mp3BenchRow> rows) {
        List<Mp3BenchRow> tributary = rows.stream().filter(row -> row.server().equals("Tributary")).toList();
        List<Mp3BenchRow> icecast = rows.stream().filter(row -> !row.server().equals("Tributary")).toList();
        return new SideBySide("4: MP3 listeners, 128 kbit/s", LISTENERS, "Icecast 2.4 (Debian icecast2)",
                tributary.stream().mapToDouble(Mp3BenchRow::cpuPercent).toArray(),
                icecast.stream().mapToDouble(Mp3BenchRow::cpuPercent).toArray(), lost(tributary), lost(icecast),
                rows.stream().mapToDouble(Mp3BenchRow::toolPercent).toArray(), ProcessSampler.loadAverage());
    }

    /** The most listeners refused or closed in one turn, and the fewest receiving. */
    private static String lost(List<Mp3BenchRow> rows) {
        return rows.stream().mapToInt(Mp3BenchRow::lost).max().orElse(0) + " lost, "
                + rows.stream().mapToInt(row -> row.rates().receiving()).min().orElse(0) + " receiving";
    }

    /** Waits {@code duration}, recording the server's largest RSS meanwhile. */
    private static void waitSampling(Duration duration, ProcessSampler server, long[] maxRss) {
        long end = System.nanoTime() + duration.toNanos();
        await().atMost(duration.plusSeconds(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
            maxRss[0] = Math.max(maxRss[0], server.rssBytes());
            return System.nanoTime() >= end;
        });
    }

    /** A 60 s stereo 44.1 kHz tone at constant 128 kbit/s, made once per build folder. */
    /** Makes (once) a minute of 128 kbit/s MP3 tone in {@code work}. */
    static Path makeSong(Path work) throws IOException {
        Path song = work.resolve("128k.mp3");
        if (!Files.exists(song)) {
            ProcessResult made = ExternalCommand.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                    "sine=frequency=440:sample_rate=44100:duration=60", "-ac", "2", "-c:a", "libmp3lame", "-b:a",
                    "128k", song.toString()).timeout(Duration.ofSeconds(60)).run();
            assertTrue(made.describe(), made.exitCode() == 0);
        }
        return song;
    }
}
