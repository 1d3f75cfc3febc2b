package org.tributary.itests.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.Test;
import org.tributary.itests.support.TributaryDistribution;

/**
 * The load tool: N concurrent RTP/UDP viewers of sample.mp4 against a freshly started server,
 * all received by one selector thread, with loss and jitter per RFC 3550 and the server's CPU
 * and memory read from /proc. Run by {@code mvn -B -Pbenchmark -pl itests verify
 * -Dbench.sessions=100}; the result is printed and appended to {@code target/benchmark.md}.
 * Each session needs five sockets here (one TCP, four UDP) and a few in the server, so 500
 * sessions need {@code ulimit -n} above ~3,000 on both sides.
 */
public class RtspLoadBenchmark {

    private static final int SESSIONS = Integer.getInteger("bench.sessions", 100);
    private static final Duration MAX_PLAY = Duration.ofSeconds(60);
    private static final Duration END_SILENCE = Duration.ofSeconds(3);
    private static final double DEFAULT_DURATION_SECONDS = 10;

    private final com.sun.management.OperatingSystemMXBean ownCpu =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long maxRss;
    private long maxThreads;
    /** CPU times read at the last poll that saw new packets: the averages end there, not 3 s later. */
    private CpuSample lastActive;
    private long arrivalsSeenUpTo;

    /** CPU times of the server and of this JVM at one moment. */
    private record CpuSample(long nanos, long serverCpu, long ownCpu) {
    }

    @Test
    public void concurrentUdpSessionsOfSample() throws Exception {
        Path report = Path.of(System.getProperty("bench.report", "target/benchmark.md"));
        // -Dbench.rtpPorts=3030 measures with the size of the default range 6970-9999 (viewers share sockets)
        int rtpPorts = Integer.getInteger("bench.rtpPorts", Math.min(40000, Math.max(2000, SESSIONS * 4 + 200)));
        // every load session comes from 127.0.0.1: no per-address session cap
        try (TributaryDistribution server = new TributaryDistribution().withRtpPortRange(rtpPorts)
                        .withConfig("org.tributary.rtsp.cfg", Map.of("maxSessionsPerAddress", "0",
                                // the default maxConnections (1000) would refuse the rest of a larger run
                                "maxConnections", Integer.toString(Math.max(1000, SESSIONS))));
                UdpReceiver receiver = new UdpReceiver()) {
            server.start();
            ProcessSampler serverProcess = new ProcessSampler(server.pid(), ProcessSampler.clockTicksPerSecond());
            // one TCP and four UDP sockets per session
            LoadSessions.checkFileLimits(serverProcess, SESSIONS, 5);
            try (LoadSessions sessions = LoadSessions.setUp(server.url("sample.mp4"), SESSIONS, receiver.selector(),
                    RtpPacketListener.none())) {
                receiver.start();
                BenchmarkResult result = playAll(sessions, serverProcess);
                System.out.println("\nRTSP load, " + SESSIONS + " UDP sessions of sample.mp4 ("
                        + receiver.malformedPackets() + " malformed, " + receiver.rtcpPackets() + " RTCP packets)\n"
                        + result.table() + "\n");
                result.appendTo(report);
                assertTrue("no session could be set up and played", result.setUp() > 0);
            }
        }
    }

    private BenchmarkResult playAll(LoadSessions sessions, ProcessSampler server) {
        List<LoadSession> asked = sessions.sendPlay();
        CpuSample start = new CpuSample(System.nanoTime(), server.cpuNanos(), ownCpu.getProcessCpuTime());
        lastActive = start;
        List<LoadSession> playing = LoadSessions.answeredPlay(asked);
        double duration = playing.isEmpty() || Double.isNaN(playing.get(0).durationSeconds())
                ? DEFAULT_DURATION_SECONDS : playing.get(0).durationSeconds();
        try {
            await("every session's stream ended").atMost(MAX_PLAY).pollInterval(Duration.ofMillis(500))
                    .until(() -> sample(server, playing) && allEnded(playing, start.nanos(), duration));
        } catch (ConditionTimeoutException e) {
            System.out.println("stopped after " + MAX_PLAY.toSeconds() + " s with streams still running");
        }
        double seconds = Math.max(1, lastActive.nanos() - start.nanos()) / 1e9;
        double serverCpu = 100.0 * (lastActive.serverCpu() - start.serverCpu()) / (seconds * 1e9);
        double toolCpu = 100.0 * (lastActive.ownCpu() - start.ownCpu()) / (seconds * 1e9);
        return summarize(playing, duration, serverCpu, toolCpu, seconds);
    }

    private BenchmarkResult summarize(List<LoadSession> playing, double duration, double serverCpu,
            double toolCpu, double playSeconds) {
        long received = 0;
        long expected = 0;
        int completed = 0;
        List<RtpStreamStats> tracks = new ArrayList<>();
        for (LoadSession session : playing) {
            boolean complete = !session.tracks().isEmpty();
            for (RtpStreamStats track : session.tracks()) {
                received += track.received();
                expected += track.expected();
                tracks.add(track);
                // the last frame starts one frame before the end: half a second of slack covers it
                complete &= track.received() > 0 && track.mediaSeconds() >= duration - 0.5;
            }
            completed += complete ? 1 : 0;
        }
        return new BenchmarkResult(SESSIONS, playing.size(), completed, received, expected,
                BenchmarkResult.Jitter.of(tracks, "audio"), BenchmarkResult.Jitter.of(tracks, "video"),
                serverCpu, maxRss / (1024.0 * 1024.0), maxThreads, toolCpu, playSeconds);
    }

    /** Records the server's memory and threads, and the CPU times while packets still arrive. */
    private boolean sample(ProcessSampler server, List<LoadSession> playing) {
        maxRss = Math.max(maxRss, server.rssBytes());
        maxThreads = Math.max(maxThreads, server.threads());
        long arrivals = lastArrival(playing);
        if (arrivals > arrivalsSeenUpTo) {
            arrivalsSeenUpTo = arrivals;
            lastActive = new CpuSample(System.nanoTime(), server.cpuNanos(), ownCpu.getProcessCpuTime());
        }
        return true;
    }

    private static boolean allEnded(List<LoadSession> playing, long start, double duration) {
        long now = System.nanoTime();
        if (now - start < duration * 1e9) {
            return false;
        }
        return playing.stream().allMatch(session -> now - Math.max(start, lastArrival(List.of(session)))
                >= END_SILENCE.toNanos());
    }

    private static long lastArrival(List<LoadSession> playing) {
        return playing.stream().flatMap(s -> s.tracks().stream())
                .mapToLong(RtpStreamStats::lastArrivalNanos).max().orElse(0);
    }
}
