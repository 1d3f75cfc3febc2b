package org.tributary.itests.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;
import org.tributary.itests.support.CfgFile;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.ServerVitals;
import org.tributary.itests.support.ServerVitals.Vitals;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Hot swap under load: {@code bench.hotswapFiles} (default 100) RTSP viewers of a 20-minute movie over UDP and as
 * many over TCP, an ffmpeg publisher looping a movie to {@code /live/cam} with {@code bench.hotswapLive} (100) UDP
 * viewers, an always-on relay of that path to {@code /live/relay} on the same server with
 * {@code bench.hotswapRelay} (10) viewers, and an ffmpeg MP3 source with {@code bench.hotswapListeners} (100)
 * listeners; then, in turn, every step of {@link HotSwapPlan} (bundle:update, bundle:stop + start of each bundle,
 * feature:uninstall + install of each optional feature, a change to each configuration), each judged by
 * {@link StepVerdict} ({@code -Dbench.hotswapSteps=REGEX} picks some). Run by {@code mvn -B -Pbenchmark -pl itests verify -Dbench.test=HotSwapBenchmark}; the
 * table is printed and appended to {@code target/benchmark-hotswap.md}, and the test fails at the end, after
 * every step, when a step broke the rule.
 */
public class HotSwapBenchmark {

    private static final int FILES = Integer.getInteger("bench.hotswapFiles", 100);
    private static final int LIVE = Integer.getInteger("bench.hotswapLive", 100);
    private static final int RELAY = Integer.getInteger("bench.hotswapRelay", 10);
    private static final int LISTENERS = Integer.getInteger("bench.hotswapListeners", 100);
    /** Runs only the steps whose name this regular expression finds something in. */
    private static final Pattern STEPS = Pattern.compile(System.getProperty("bench.hotswapSteps", ""));
    private static final String PASSWORD = "hotswap-2026";
    private static final String MOUNT = "/radio";
    private static final Pattern PID = Pattern.compile("Pid:\\s+(\\S+)");

    @Test
    public void everyStepUnderLoad() throws Exception {
        Tools.require("ffmpeg");
        Path work = Files.createDirectories(Path.of(System.getProperty("tributary.work", "target"), "hotswap"));
        Path report = Path.of(System.getProperty("bench.hotswapReport", "target/benchmark-hotswap.md"));
        Path song = Mp3ListenersBenchmark.makeSong(work);
        List<HotSwapRow> rows = new ArrayList<>();
        try (TributaryDistribution server = new TributaryDistribution().withRtpPortRange(4000)
                        .withConfig("org.tributary.access.cfg", Map.of("rules", "/ WRITE any-user"))
                        // viewers send no RTCP, and all come from 127.0.0.1
                        .withConfig("org.tributary.rtsp.cfg", Map.of("sessionTimeout", "3600",
                                "maxSessionsPerAddress", "0", "maxConnections", "3000"))
                        .withConfig("org.tributary.mp3.cfg", Map.of("sourcePassword", PASSWORD));
                UdpReceiver receiver = new UdpReceiver()) {
            server.start();
            receiver.start();
            ProcessSampler serverProcess = new ProcessSampler(server.pid(), ProcessSampler.clockTicksPerSecond());
            // per viewer one TCP and up to four UDP sockets, per listener one
            LoadSessions.checkFileLimits(serverProcess, 2 * FILES + LIVE + RELAY + LISTENERS, 5);
            String movie = longMovie(server);
            String relayPid = startRelay(server);
            List<LoadGroup> groups = new ArrayList<>();
            try (LoadFeeds feeds = new LoadFeeds(server.mediaDir().resolve("sample.mp4"), server.url("live/cam"), song,
                    server.rtspPort(), PASSWORD, MOUNT, work);
                    ServerVitals vitals = new ServerVitals(server);
                    ServerThreads threads = new ServerThreads(server)) {
                groups.add(new RtspViewers(HotSwapPlan.FILES_UDP, server.url(movie), LoadSession.Transport.UDP, FILES,
                        receiver));
                groups.add(new RtspViewers(HotSwapPlan.FILES_TCP, server.url(movie), LoadSession.Transport.TCP, FILES,
                        receiver));
                LoadGroup live = new RtspViewers(HotSwapPlan.LIVE, server.url("live/cam"), LoadSession.Transport.UDP,
                        LIVE, receiver);
                groups.add(live);
                groups.add(new RtspViewers(HotSwapPlan.RELAY, server.url("live/relay"), LoadSession.Transport.UDP,
                        RELAY, receiver));
                LoadGroup mp3 = new Mp3Listeners(HotSwapPlan.MP3, new InetSocketAddress("127.0.0.1",
                        server.rtspPort()), MOUNT, LISTENERS);
                groups.add(mp3);
                feeds.supervise();
                StepRunner runner = new StepRunner(server, vitals, threads, feeds, groups, live, mp3, work);
                Vitals first = runner.start();
                System.out.println("load running: " + first);
                for (HotSwapStep step : HotSwapPlan.steps(relayPid).stream()
                        .filter(step -> STEPS.matcher(step.name()).find()).toList()) {
                    HotSwapRow row = runner.run(step);
                    System.out.println(row.row());
                    rows.add(row);
                }
                // the idle pools' threads end by themselves: once gone, compare everything
                await("the idle pools' threads gone").atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofSeconds(5)).until(() -> threads.idlePoolThreads() == 0);
                Vitals last = vitals.sample();
                rows.add(new HotSwapRow("whole run (first sample → last, a minute after the last command)", Map.of(),
                        0, "", first, last, StepVerdict.failures(Map.of(), Set.of(), 0, first, last)));
            } finally {
                groups.forEach(LoadGroup::close);
            }
        }
        System.out.printf("%nHot swap under load: %d + %d file viewers (UDP + TCP), %d live, %d relay, %d MP3 listeners%n"
                + "%s%n", FILES, FILES, LIVE, RELAY, LISTENERS, String.join("\n", HotSwapRow.HEADER));
        List<String> broken = new ArrayList<>();
        for (HotSwapRow row : rows) {
            System.out.println(row.row());
            MarkdownReport.append(report, HotSwapRow.HEADER, row.row());
            row.failures().forEach(failure -> broken.add(row.step() + ": " + failure));
        }
        assertEquals("steps that broke the rule:\n" + String.join("\n", broken), List.of(), broken);
    }

    /** Writes a 20-minute movie (sample.mp4 looped, not re-encoded) into the media folder; returns its path. */
    private static String longMovie(TributaryDistribution server) throws IOException {
        Path partial = server.home().resolve("long.mp4");
        ProcessResult made = ExternalCommand.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-stream_loop", "119", "-i",
                server.mediaDir().resolve("sample.mp4").toString(), "-c", "copy", "-movflags", "+faststart",
                partial.toString()).timeout(Duration.ofSeconds(120)).run();
        assertTrue(made.describe(), made.exitCode() == 0);
        Files.move(partial, server.mediaDir().resolve("long.mp4"), StandardCopyOption.ATOMIC_MOVE);
        return "long.mp4";
    }

    /**
     * Configures an always-on relay of the server's own {@code /live/cam} to {@code /live/relay} (a factory
     * configuration file File Install picks up) and returns its PID.
     */
    private static String startRelay(TributaryDistribution server) throws IOException {
        CfgFile.put(server.home().resolve("etc/org.tributary.live.relay-hotswap.cfg"), Map.of(
                "url", server.url("live/cam"), "path", "relay", "reconnectSeconds", "1"));
        String[] pid = {null};
        await("the relay's configuration").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    Matcher found = PID.matcher(server.client(
                            "config:list \"(service.factoryPid=org.tributary.live.relay)\"").stdout());
                    pid[0] = found.find() ? found.group(1) : null;
                    return pid[0] != null;
                });
        return pid[0];
    }
}
