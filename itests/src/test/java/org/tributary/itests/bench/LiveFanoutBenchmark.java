package org.tributary.itests.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.Test;
import org.tributary.itests.support.TributaryDistribution;

/**
 * The live fan-out benchmark: one publisher (this JVM, ANNOUNCE/SETUP record/RECORD over UDP) sends
 * 1200-byte probe packets at {@code bench.mbps} (default 2) for {@code bench.seconds} (default 20)
 * to a freshly started server, and {@code bench.viewers} (default 500) RTP/UDP viewers of the same
 * path measure loss and the latency from the publisher's send to their receive (same machine, same
 * monotonic clock). All viewers play before the first packet, so each should get every packet. The
 * viewers are the C load tool's ({@code tools/rtsp-load -L}, one thread, kernel receive timestamps),
 * or with {@code -Dbench.liveReceiver=java} this JVM's selector thread (which costs far more CPU on the
 * same cores as the server). Run by {@code mvn -B -Pbenchmark -pl itests verify
 * -Dbench.test=LiveFanoutBenchmark -Dbench.viewers=500}; the result is printed and appended to
 * {@code target/benchmark-live.md}. Each viewer needs three sockets in the server.
 */
public class LiveFanoutBenchmark {

    private static final int VIEWERS = Integer.getInteger("bench.viewers", 500);
    private static final double MBPS = Double.parseDouble(System.getProperty("bench.mbps", "2"));
    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "20"));
    private static final int PACKET_SIZE = 1200;
    private static final String PATH = "live/bench";
    private static final boolean JAVA_RECEIVER = "java".equals(System.getProperty("bench.liveReceiver", "c"));
    /** How long the last copies may take to arrive once the publisher stopped. */
    private static final Duration DRAIN = Duration.ofSeconds(2);

    private final com.sun.management.OperatingSystemMXBean ownCpu =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long maxRss;

    /** CPU times of the server and of this JVM, and the host's UDP receive errors, at one moment. */
    private record Sample(long nanos, long serverCpu, long ownCpu, long udpErrors) {

        static Sample of(ProcessSampler server, com.sun.management.OperatingSystemMXBean own) {
            return new Sample(System.nanoTime(), server.cpuNanos(), own.getProcessCpuTime(),
                    UdpErrorCounter.receiveBufferErrors());
        }

        double cpuPercentSince(Sample start, boolean server) {
            double wall = Math.max(1, nanos - start.nanos);
            return 100.0 * (server ? serverCpu - start.serverCpu : ownCpu - start.ownCpu) / wall;
        }
    }

    @Test
    public void onePublisherToManyUdpViewers() throws Exception {
        Path report = Path.of(System.getProperty("bench.liveReport", "target/benchmark-live.md"));
        long packets = PacedSender.packetsFor(SECONDS, MBPS * 1e6, PACKET_SIZE);
        int rtpPorts = Math.min(40000, Math.max(2000, VIEWERS * 2 + 200));
        try (TributaryDistribution server = new TributaryDistribution().withRtpPortRange(rtpPorts)
                        .withConfig("org.tributary.access.cfg", Map.of("rules", "/ WRITE any-user"))
                        // viewers send no RTCP: keep their sessions through a slow set-up of hundreds;
                        // every viewer comes from 127.0.0.1: no per-address session cap
                        .withConfig("org.tributary.rtsp.cfg", Map.of("sessionTimeout", "600",
                                "maxSessionsPerAddress", "0"));
                UdpReceiver receiver = new UdpReceiver()) {
            server.start();
            ProcessSampler serverProcess = new ProcessSampler(server.pid(), ProcessSampler.clockTicksPerSecond());
            // one TCP and two UDP sockets per viewer
            LoadSessions.checkFileLimits(serverProcess, VIEWERS, 3);
            if (!JAVA_RECEIVER) {
                LiveFanoutResult result = throughLoadTool(server, serverProcess, packets);
                System.out.printf("%nLive fan-out, %d UDP viewers (C load tool) of one %.1f Mbit/s publisher%n%s%n%n",
                        VIEWERS, MBPS, result.table());
                result.appendTo(report);
                assertTrue("no viewer could be set up and played", result.playing() > 0);
                assertEquals("packets the publisher sent", packets, result.sent());
                assertDistinct(result.latency());
                return;
            }
            FanoutLatency latency = new FanoutLatency((int) packets);
            try (LivePublisher publisher = LivePublisher.publish(server.url(PATH));
                    LoadSessions viewers = LoadSessions.setUp(server.url(PATH), VIEWERS, receiver.selector(),
                            latency)) {
                receiver.start();
                List<LoadSession> playing = LoadSessions.answeredPlay(viewers.sendPlay());
                PacedSender sender = new PacedSender(publisher.rtpChannel(), PACKET_SIZE, MBPS * 1e6, packets);
                Sample start = Sample.of(serverProcess, ownCpu);
                awaitSent(sender, serverProcess);
                Sample end = Sample.of(serverProcess, ownCpu);
                awaitDrained(latency, sender.sent() * playing.size());
                receiver.close();
                LiveFanoutResult result = new LiveFanoutResult(VIEWERS, playing.size(),
                        PACKET_SIZE * 8.0 * sender.sent() / sender.seconds() / 1e6, sender.sent(),
                        latency.copies(), gapLost(playing), LiveFanoutResult.Percentiles.of(latency.allCopies()),
                        LiveFanoutResult.Percentiles.of(latency.firstCopies()),
                        LiveFanoutResult.Percentiles.of(latency.lastCopies()), end.cpuPercentSince(start, true),
                        maxRss / (1024.0 * 1024.0), end.cpuPercentSince(start, false),
                        end.udpErrors() - start.udpErrors());
                System.out.printf("%nLive fan-out, %d UDP viewers of one %.1f Mbit/s publisher for %.1f s "
                        + "(publisher at most %.2f ms behind schedule; %d of %d packets reached a viewer; "
                        + "%d malformed, %d without probe, %d RTCP packets)%n%s%n%n", VIEWERS, MBPS, sender.seconds(),
                        sender.maxLatenessMillis(), latency.firstCopies().count(), sender.sent(),
                        receiver.malformedPackets(), latency.unreadable(), receiver.rtcpPackets(), result.table());
                result.appendTo(report);
                assertTrue("no viewer could be set up and played", result.playing() > 0);
                assertEquals("packets the publisher sent", packets, result.sent());
                assertDistinct(result.latency());
            }
        }
    }

    /**
     * The viewers are the C load tool's: the publisher starts as the tool's window opens, and the window
     * lasts the sending and a second more, so the server's CPU is read over the sending.
     */
    private LiveFanoutResult throughLoadTool(TributaryDistribution server, ProcessSampler serverProcess,
            long packets) throws Exception {
        LoadTool tool = LoadTool.build(Path.of(System.getProperty("tributary.work", "target"), "live-bench"));
        long udpErrors = UdpErrorCounter.receiveBufferErrors();
        try (LivePublisher publisher = LivePublisher.publish(server.url(PATH))) {
            PacedSender sender = new PacedSender(publisher.rtpChannel(), PACKET_SIZE, MBPS * 1e6, packets);
            // every viewer gets every copy at once: a socket pair per 8 viewers keeps a burst within the
            // tool's receive buffers (8 MiB each), so that what the tool drops is not counted as the server's loss
            LoadToolRun run = tool.run(server.url(PATH), VIEWERS, "udp", serverProcess, sender::start, "-L",
                    "-w", Double.toString(SECONDS + 1), "-S", Long.toString(server.pid()),
                    "-p", Integer.toString(Math.min(512, Math.max(4, VIEWERS / 8))));
            sender.awaitDone();
            return new LiveFanoutResult(VIEWERS, (int) run.count("playing"),
                    PACKET_SIZE * 8.0 * sender.sent() / sender.seconds() / 1e6, sender.sent(),
                    run.count("latency_all_copies"), run.count("lost"), percentiles(run, "all"),
                    percentiles(run, "first"), percentiles(run, "last"), run.serverCpuPercent(), run.serverRssMiB(),
                    run.toolCpuPercent(), UdpErrorCounter.receiveBufferErrors() - udpErrors);
        }
    }

    /** A histogram whose median, 99th percentile and maximum are all equal measured nothing real. */
    private static void assertDistinct(LiveFanoutResult.Percentiles latency) {
        assertFalse("latency p50, p99 and max all " + latency.p50() + " ms: the measurement is broken",
                latency.p50() == latency.p99() && latency.p99() == latency.max());
    }

    private static LiveFanoutResult.Percentiles percentiles(LoadToolRun run, String copies) {
        return new LiveFanoutResult.Percentiles(run.number("latency_" + copies + "_p50_ms"),
                run.number("latency_" + copies + "_p99_ms"), run.number("latency_" + copies + "_max_ms"));
    }

    /** Starts the publisher and waits for it to finish, recording the server's memory meanwhile. */
    private void awaitSent(PacedSender sender, ProcessSampler server) throws Exception {
        sender.start();
        await("the publisher sent its packets").atMost(Duration.ofMillis((long) (SECONDS * 1000) + 60_000))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    maxRss = Math.max(maxRss, server.rssBytes());
                    return sender.isDone();
                });
        sender.awaitDone();
    }

    /** Waits until every expected copy arrived or none arrived for {@link #DRAIN}. */
    private static void awaitDrained(FanoutLatency latency, long expected) {
        try {
            await("the last copies").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> latency.copies() >= expected
                            || System.nanoTime() - latency.lastArrivalNanos() > DRAIN.toNanos());
        } catch (ConditionTimeoutException e) {
            System.out.println("copies still arriving 30 s after the publisher stopped");
        }
    }

    private static long gapLost(List<LoadSession> playing) {
        return playing.stream().flatMap(session -> session.tracks().stream()).mapToLong(RtpStreamStats::lost).sum();
    }
}
