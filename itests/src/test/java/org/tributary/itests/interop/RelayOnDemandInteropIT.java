package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.tributary.itests.interop.LiveClients.BROADCASTER;
import static org.tributary.itests.interop.LiveClients.VIEWER_TIMEOUT;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.FreePorts;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Origin → edge on demand: the edge, a second distribution, relays the origin's {@code /live/cam1}
 * with {@code mode = ondemand} (a factory configuration per relay). It pulls nothing until a viewer
 * asks, serves an ffmpeg and a GStreamer viewer with one stream from the origin, and stops pulling
 * {@code idleSeconds} after they left. Two more relays point at origins that cannot be pulled (a
 * closed port, a listener that never answers): their viewers get 404 within {@code connectSeconds}.
 */
public class RelayOnDemandInteropIT {

    @ClassRule
    public static final TributaryDistribution ORIGIN = LiveClients.withBroadcaster(new TributaryDistribution());

    private static final String PATH = "/live/cam1";
    private static final int IDLE_SECONDS = 3;
    private static final int CONNECT_SECONDS = 3;
    /** Eight seconds of pictures at 25 per second, less a few for the cut at the end. */
    private static final long EIGHT_SECONDS_OF_FRAMES = 185;
    /** bin/client takes a second or two per command on a loaded machine. */
    private static final Duration SHELL_SLACK = Duration.ofSeconds(15);
    /** ffprobe's own start and the 404 on top of the connect time. */
    private static final Duration PROBE_SLACK = Duration.ofSeconds(10);

    private static ServerSocket silentOrigin;
    private static int refusedPort;
    private static TributaryDistribution edge;

    @BeforeClass
    public static void startEdge() throws IOException {
        Tools.require("ffmpeg", "ffprobe", "gst-launch-1.0");
        // accepts connections in the kernel's backlog and never answers a request
        silentOrigin = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        refusedPort = FreePorts.tcp(1)[0];
        edge = new TributaryDistribution()
                .withConfig("org.tributary.live.relay-cam1.cfg", onDemand(ORIGIN.url(PATH), "cam1"))
                .withConfig("org.tributary.live.relay-silent.cfg", onDemand(silentUrl(), "silent"))
                .withConfig("org.tributary.live.relay-refused.cfg", onDemand(refusedUrl(), "refused"));
        edge.start();
    }

    @AfterClass
    public static void stopEdge() throws IOException {
        if (edge != null) {
            edge.close();
        }
        if (silentOrigin != null) {
            silentOrigin.close();
        }
    }

    private static Map<String, String> onDemand(String url, String path) {
        return Map.of("url", url, "path", path, "mode", "ondemand", "idleSeconds", Integer.toString(IDLE_SECONDS),
                "connectSeconds", Integer.toString(CONNECT_SECONDS));
    }

    private static String silentUrl() {
        return "rtsp://127.0.0.1:" + silentOrigin.getLocalPort() + "/live/x";
    }

    private static String refusedUrl() {
        return "rtsp://127.0.0.1:" + refusedPort + "/live/x";
    }

    private static boolean originOpenedASession(int mark) {
        return ORIGIN.logText().substring(mark).lines().anyMatch(line -> line.contains("RTSP session ")
                && line.contains(" for " + PATH));
    }

    @Test
    public void theOriginServesOneStreamOnlyWhileEdgeViewersWatch() {
        int originMark = AccessAssertions.logMark(ORIGIN);
        int edgeMark = AccessAssertions.logMark(edge);
        try (RunningCommand publisher = LiveClients.publish(ORIGIN.mediaDir().resolve("sample.mp4"),
                BROADCASTER.url(ORIGIN, PATH), "tcp", true)) {
            LiveClients.awaitPublished(ORIGIN, PATH, publisher);
            // an always-on relay would have pulled by now; the on-demand edge stays away from the origin
            await("no session at the origin").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> !originOpenedASession(originMark));
            assertEquals("origin viewers before any edge viewer", 0, LiveClients.viewers(ORIGIN, PATH));

            try (RunningCommand ffmpeg = LiveClients.decode(edge.url(PATH), "tcp", 8);
                    RunningCommand gst = LiveClients.gstreamer(edge.url(PATH), "tcp")) {
                await("two viewers at the edge").atMost(SHELL_SLACK.multipliedBy(2))
                        .until(() -> LiveClients.viewers(edge, PATH) == 2);
                assertEquals("origin viewers for two edge viewers", 1, LiveClients.viewers(ORIGIN, PATH));
                LiveClients.assertDecodedCleanly("ffmpeg viewer of the on-demand edge", ffmpeg.awaitExit(VIEWER_TIMEOUT),
                        EIGHT_SECONDS_OF_FRAMES);
                assertTrue("GStreamer still plays the edge after ffmpeg left", gst.isAlive());
            }
            await("the origin's viewer gone " + IDLE_SECONDS + " s after the last edge viewer")
                    .atMost(SHELL_SLACK.plusSeconds(IDLE_SECONDS)).until(() -> LiveClients.viewers(ORIGIN, PATH) == 0);
            AccessAssertions.awaitLogLine(edge, edgeMark, "relay " + PATH + ": no viewer for " + IDLE_SECONDS
                    + " s, stopped pulling " + ORIGIN.url(PATH));
            long pulls = edge.logText().substring(edgeMark).lines()
                    .filter(line -> line.contains("relay " + PATH + ": a viewer asked, pulling")).count();
            assertEquals("pulls started by the edge's viewers", 1, pulls);
        }
        List<String> errors = LiveClients.serverErrors(edge, edgeMark);
        assertEquals("edge karaf.log errors while relaying:\n" + String.join("\n", errors), List.of(), errors);
    }

    @Test
    public void anOriginThatCannotBePulledGivesTheViewerA404NotAHang() throws IOException {
        int mark = AccessAssertions.logMark(edge);
        for (String path : List.of("/live/refused", "/live/silent")) {
            long start = System.nanoTime();
            ProcessResult probe = AccessAssertions.probe(edge.url(path));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue("ffprobe of " + path + " must be refused with 404" + probe.describe(),
                    AccessAssertions.refusedWith(probe, "404 Not Found"));
            assertTrue("ffprobe of " + path + " took " + took.toMillis() + " ms" + probe.describe(),
                    took.compareTo(PROBE_SLACK.plusSeconds(CONNECT_SECONDS)) < 0);
        }
        AccessAssertions.awaitLogLine(edge, mark, "relay /live/refused: cannot pull " + refusedUrl()
                + ": Connection refused");
        AccessAssertions.awaitLogLine(edge, mark, "relay /live/silent: cannot pull " + silentUrl()
                + ": it did not play within " + CONNECT_SECONDS + " s");
        assertEquals("the edge still serves its movies", 200, LiveClients.describeStatus(edge, "/sample.mp4"));
        List<String> errors = LiveClients.serverErrors(edge, mark);
        assertEquals("edge karaf.log errors:\n" + String.join("\n", errors), List.of(), errors);
    }
}
