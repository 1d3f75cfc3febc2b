package org.tributary.itests.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.Test;
import org.tributary.itests.support.ServerVitals;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Issue 12's target 6, the heap a session costs: {@code bench.sessions} (default 1000) UDP viewers of
 * sample.mp4 from this JVM ({@link LoadSessions}), the server's heap after a full GC ({@link ServerVitals})
 * measured with none, with all set up but not playing (idle: SETUP answered, no PLAY), with all playing,
 * and once they are torn down. The per-session figures are the differences divided by the sessions
 * counted by the server. Run by {@code mvn -B -Pbenchmark -pl itests verify
 * -Dbench.test=SessionMemoryBenchmark -Dbench.sessions=1000}; the row is printed and appended to
 * {@code target/benchmark-memory.md}.
 */
public class SessionMemoryBenchmark {

    private static final int SESSIONS = Integer.getInteger("bench.sessions", 1000);
    private static final Duration PLAYING = Duration.ofSeconds(5);
    private static final List<String> HEADER = List.of(
            "| sessions | heap idle server | per idle session | per playing session | after teardown "
                    + "| RSS per playing session | threads idle / playing |",
            "|---:|---:|---:|---:|---:|---:|---:|");

    @Test
    public void heapPerIdleAndPerPlayingSession() throws Exception {
        Path report = Path.of(System.getProperty("bench.memoryReport", "target/benchmark-memory.md"));
        try (TributaryDistribution server = new TributaryDistribution().withRtpPortRange(100)
                        .withConfig("org.tributary.rtsp.cfg", Map.of("maxSessionsPerAddress", "0",
                                "maxConnections", Integer.toString(Math.max(1000, SESSIONS))));
                UdpReceiver receiver = new UdpReceiver()) {
            server.start();
            LoadSessions.checkFileLimits(new ProcessSampler(server.pid(), ProcessSampler.clockTicksPerSecond()),
                    SESSIONS, 5);
            try (ServerVitals vitals = new ServerVitals(server)) {
                ServerVitals.Vitals empty = vitals.sample();
                ServerVitals.Vitals idle;
                ServerVitals.Vitals playing;
                try (LoadSessions sessions = LoadSessions.setUp(server.url("sample.mp4"), SESSIONS,
                        receiver.selector(), RtpPacketListener.none())) {
                    receiver.start();
                    idle = vitals.sample();
                    LoadSessions.answeredPlay(sessions.sendPlay());
                    long since = System.nanoTime();
                    // a few seconds of media flow through every queue before the sample
                    await().atMost(PLAYING.plusSeconds(5)).pollInterval(Duration.ofMillis(200))
                            .until(() -> System.nanoTime() - since >= PLAYING.toNanos());
                    playing = vitals.sample();
                }
                await("the server lets every session go").atMost(Duration.ofSeconds(30))
                        .until(() -> vitals.sample().sessions() == 0);
                ServerVitals.Vitals after = vitals.sample();
                String row = row(empty, idle, playing, after);
                System.out.println("\nHeap per session (" + SESSIONS + " UDP viewers)\n" + String.join("\n", HEADER)
                        + "\n" + row + "\n");
                MarkdownReport.append(report, HEADER, row);
                assertTrue("no session was set up: " + idle, idle.sessions() > 0);
            }
        }
    }

    private static String row(ServerVitals.Vitals empty, ServerVitals.Vitals idle, ServerVitals.Vitals playing,
            ServerVitals.Vitals after) {
        long counted = Math.max(1, idle.sessions());
        return String.format(Locale.ROOT, "| %d | %.1f MiB | %.1f KiB | %.1f KiB | %+.1f MiB | %.1f KiB | %d / %d |",
                idle.sessions(), mib(empty.heapAfterGcBytes()),
                kib(idle.heapAfterGcBytes() - empty.heapAfterGcBytes()) / counted,
                kib(playing.heapAfterGcBytes() - empty.heapAfterGcBytes()) / counted,
                mib(after.heapAfterGcBytes() - empty.heapAfterGcBytes()),
                kib(playing.rssBytes() - empty.rssBytes()) / counted, idle.threads(), playing.threads());
    }

    private static double kib(long bytes) {
        return bytes / 1024.0;
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
