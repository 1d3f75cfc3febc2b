package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.interop.InterleavedViewers.Outcome;
import org.tributary.itests.support.InterleavedSession;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.ServerVitals;
import org.tributary.itests.support.ServerVitals.Vitals;
import org.tributary.itests.support.SetupRefusedException;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * The JVM's heap near its limit: a server started with {@value #HEAP} of heap gets {@value #VIEWERS}
 * interleaved viewers at once beside a bystander (all from 127.0.0.1, so the per-address cap is lifted). That
 * load does not fit (it holds 34 MB after GC on 48 MB): before the heap runs out, new sessions get 503 Low On
 * Memory ({@code heapLimitPercent}), so there is no OutOfMemoryError, every viewer admitted plays to its BYE,
 * the bystander plays every packet and a new viewer the whole sample afterwards. Without the guard the same
 * load ended in OutOfMemoryErrors in Karaf's and Tributary's threads and SETUPs never answered.
 */
public class HeapFaultsInteropIT {

    private static final String HEAP = "-Xmx32m";
    private static final int VIEWERS = 300;

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution().withJvmOptions(HEAP)
            .withConfig("org.tributary.rtsp.cfg", Map.of("maxSessionsPerAddress", "0"));

    private static final Duration ENDS_WITHIN = Duration.ofSeconds(90);

    @Before
    public void needsFfmpeg() {
        Tools.require("ffmpeg");
    }

    /**
     * The bystander, started again until the server admits it: Karaf's own start nearly fills a heap this small,
     * and until that garbage is collected new sessions get 503 Low On Memory.
     */
    private static Bystander admittedBystander() {
        AtomicReference<Bystander> started = new AtomicReference<>();
        await("the bystander admitted once the server has settled").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    Bystander bystander = Bystander.start(SERVER, 20, "udp");
                    if (bystander.isPlaying()) {
                        started.set(bystander);
                        return true;
                    }
                    bystander.close();
                    return false;
                });
        return started.get();
    }

    private static boolean admitted() throws IOException {
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", SERVER.rtspPort())) {
            InterleavedSession session = InterleavedSession.setUp(client, SERVER.url("sample.mp4"));
            client.request("TEARDOWN", session.sdp().url());
            return true;
        } catch (SetupRefusedException refused) {
            return false;
        }
    }

    @Test
    public void manyViewersOnASmallHeapPlayToTheEndAndServingGoesOn() throws IOException {
        String commandLine = Files.readString(Path.of("/proc", Long.toString(SERVER.pid()), "cmdline"),
                StandardCharsets.UTF_8).replace('\0', ' ');
        assertTrue("the server must run with " + HEAP + ": " + commandLine, commandLine.contains(HEAP));
        List<Outcome> ended;
        List<String> refusals;
        Vitals loaded;
        try (Bystander bystander = admittedBystander();
                InterleavedViewers viewers = InterleavedViewers.play(SERVER, "sample.mp4", VIEWERS, true);
                ServerVitals vitals = new ServerVitals(SERVER)) {
            loaded = vitals.sample();
            refusals = viewers.refusals();
            ended = viewers.awaitEnd(ENDS_WITHIN);
            bystander.assertPlayedEveryPacket();
        }
        Map<String, Long> ends = ended.stream().collect(Collectors.groupingBy(Outcome::end, Collectors.counting()));
        System.out.println(VIEWERS + " viewers on " + HEAP + ": " + refusals.size() + " refused, the others ended: "
                + ends + ", least video "
                + ended.stream().mapToDouble(Outcome::videoSeconds).min().orElse(0) + " s; under load " + loaded);
        String logs = SERVER.logText() + Files.readString(SERVER.home().resolve("console.log"));
        assertEquals("OutOfMemoryError in the server's logs" + SERVER.recentLog(), List.of(),
                logs.lines().filter(line -> line.contains("OutOfMemoryError")).limit(5).toList());
        // the guard counts a collection for a few seconds: once the load is gone, new sessions are admitted again
        await("a new session admitted once the load is gone").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).until(HeapFaultsInteropIT::admitted);
        PlaybackAssertions.assertPlaysEveryPacket(SERVER, "sample.mp4", "tcp");
        assertEquals("every viewer admitted ended with BYE: " + ends, Map.of("bye", (long) (VIEWERS - refusals.size())),
                ends);
        assertTrue("some viewers refused for the heap: the load does not fit in " + HEAP, !refusals.isEmpty());
        assertEquals("every refusal names the heap", List.of(), refusals.stream()
                .filter(line -> !line.equals("RTSP/1.0 503 Low On Memory")).distinct().toList());
        assertTrue("a refusal logged with the heap's state" + SERVER.recentLog(), SERVER.logText().lines()
                .anyMatch(line -> line.contains("heap in use after GC, over the limit of 85 %")));
    }
}
