package org.tributary.itests.bench;

import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.Tools;

/**
 * The C load tool of {@code tools/rtsp-load} (one thread, epoll, recvmmsg), built with {@code make} and
 * run against one server: its phase markers on stdout tell when to read the server's CPU, so that the
 * server and the tool are measured over the same window. The folder is {@code bench.toolDir} (the
 * benchmark profile sets it), else {@code ../tools/rtsp-load}.
 */
final class LoadTool {

    /** Sessions set up per second, and a bound on RTSP exchanges in flight. */
    static final double RAMP = Double.parseDouble(System.getProperty("bench.ramp", "200"));
    static final double WINDOW_SECONDS = Double.parseDouble(System.getProperty("bench.window", "20"));

    private final Path binary;
    private final Path logs;

    private LoadTool(Path binary, Path logs) {
        this.binary = binary;
        this.logs = logs;
    }

    /** Builds the tool ({@code make}, {@code cc -O2}) and returns it; its stderr goes to files in {@code logs}. */
    static LoadTool build(Path logs) throws IOException {
        Tools.require("make", "cc");
        Path folder = Path.of(System.getProperty("bench.toolDir", "../tools/rtsp-load")).toAbsolutePath().normalize();
        ProcessResult make = ExternalCommand.of("make", "-C", folder.toString()).timeout(Duration.ofMinutes(2)).run();
        assertTrue("building the load tool failed: " + make.describe(), make.exitCode() == 0);
        return new LoadTool(folder.resolve("rtsp-load"), Files.createDirectories(logs));
    }

    /**
     * Runs {@code sessions} viewers of {@code url} over {@code transport} ("udp" or "tcp") while
     * {@code server} is sampled; {@code extra} are more tool options. Fails when the tool prints no summary.
     */
    LoadToolRun run(String url, int sessions, String transport, ProcessSampler server, String... extra)
            throws IOException, InterruptedException {
        return run(url, sessions, transport, server, () -> { }, extra);
    }

    /** Like {@link #run(String, int, String, ProcessSampler, String...)}, calling {@code atWindowStart} as the window opens. */
    LoadToolRun run(String url, int sessions, String transport, ProcessSampler server, Runnable atWindowStart,
            String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "-u", url, "-n", Integer.toString(sessions),
                "-t", transport, "-r", Double.toString(RAMP), "-w", Double.toString(WINDOW_SECONDS)));
        command.addAll(List.of(extra));
        Path stderr = logs.resolve("rtsp-load-" + transport + "-" + sessions + "-" + System.nanoTime() + ".log");
        Process tool = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        ScheduledExecutorService sampling = Executors.newSingleThreadScheduledExecutor();
        long[] most = {0, 0};
        sampling.scheduleAtFixedRate(() -> {
            most[0] = Math.max(most[0], server.rssBytes());
            most[1] = Math.max(most[1], server.threads());
        }, 0, 500, TimeUnit.MILLISECONDS);
        // the tool bounds its own phases; this only ends a tool that hangs
        long limitSeconds = (long) (sessions / RAMP * 3 + WINDOW_SECONDS + 180);
        sampling.schedule(tool::destroyForcibly, limitSeconds, TimeUnit.SECONDS);
        long startCpu = 0;
        long startNanos = 0;
        double serverCpu = Double.NaN;
        String summary = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(tool.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("# window-start")) {
                    startCpu = server.cpuNanos();
                    startNanos = System.nanoTime();
                    atWindowStart.run();
                } else if (line.equals("# window-end")) {
                    serverCpu = 100.0 * (server.cpuNanos() - startCpu) / (System.nanoTime() - startNanos);
                } else if (line.startsWith("{")) {
                    summary = line;
                }
            }
        } finally {
            sampling.shutdownNow();
            sampling.awaitTermination(5, TimeUnit.SECONDS);
        }
        tool.waitFor(30, TimeUnit.SECONDS);
        String errors = Files.readString(stderr);
        System.out.print(errors);
        assertTrue("the load tool printed no summary (exit " + (tool.isAlive() ? "none" : tool.exitValue()) + "): "
                + errors, summary != null);
        System.out.println(summary);
        return new LoadToolRun(LoadToolRun.parseSummary(summary), serverCpu, most[0] / (1024.0 * 1024.0), most[1]);
    }

    /**
     * Makes (once per folder) a 60 s movie from the distribution's 10 s {@code sample.mp4}, the same
     * tracks looped without re-encoding: long enough that every session plays through the window.
     */
    static Path longSample(Path sample, Path folder) throws IOException {
        Path movie = folder.resolve("sample60.mp4");
        if (!Files.exists(movie)) {
            Tools.require("ffmpeg");
            ProcessResult made = ExternalCommand.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-stream_loop", "5",
                    "-i", sample.toString(), "-c", "copy", movie.toString()).timeout(Duration.ofSeconds(60)).run();
            assertTrue(made.describe(), made.exitCode() == 0);
        }
        return movie;
    }
}
