package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.CfgFile;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.OpenSockets;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.RtspResponse;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * maxConnections and maxThroughput in {@code etc/org.tributary.rtsp.cfg}: one session more than
 * allowed is refused (503, or 453 Not Enough Bandwidth) at SETUP, before any media, by our client
 * and by ffmpeg; the limits are changed by editing the file while the server runs.
 */
public class LimitsInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution()
            .withConfig("org.tributary.rtsp.cfg", Map.of("maxConnections", "2"));

    private static final Duration APPLIED_WITHIN = Duration.ofSeconds(30);

    private final List<RtspTestClient> open = new ArrayList<>();

    @Before
    public void needsClients() {
        Tools.require("ffmpeg", "gst-launch-1.0");
    }

    /** The limits the server runs with now, so that only a change is written (and awaited). */
    private static String limits = "2/0";

    @After
    public void closeSessions() throws IOException {
        for (RtspTestClient client : open) {
            client.close();
        }
        // the server ends a connection's sessions when it sees the connection close
        await("every test connection closed by the server").atMost(Duration.ofSeconds(10))
                .until(() -> OpenSockets.tcpConnections(SERVER.rtspPort()) == 0);
        setLimits("2", "0");
    }

    @Test
    public void oneSessionMoreThanAllowedGets503BeforeAnyMedia() throws Exception {
        assertEquals(200, setUp().status());
        assertEquals(200, setUp().status());
        RtspTestClient third = new RtspTestClient("127.0.0.1", SERVER.rtspPort());
        open.add(third);
        RtspResponse refused = setUp(third);
        assertEquals("third session over maxConnections = 2" + refused.describe(), 503, refused.status());
        assertTrue("the reason phrase names the cause" + refused.describe(),
                refused.statusLine().endsWith("503 Too Many Sessions"));
        assertNull("no session id for a refused SETUP", refused.sessionId());
        assertNull("no media after a refused SETUP", third.readFrame(Duration.ofSeconds(1)));
        assertTrue("the log names the limit", SERVER.logText().contains("maxConnections is 2"));

        ProcessResult ffmpeg = playOnce();
        assertNotEquals("ffmpeg over the limit must fail" + ffmpeg.describe(), 0, ffmpeg.exitCode());
        assertTrue("ffmpeg sees 503" + ffmpeg.describe(), ffmpeg.stderr().contains("503"));
        assertGstreamerRefused("503");

        open.remove(0).close();
        await("a session freed by a closed connection").atMost(Duration.ofSeconds(10))
                .until(() -> setUp().status() == 200);
    }

    @Test
    public void throughputOverTheLimitGets453AndTheLimitChangesWithoutRestart() throws Exception {
        long kbps = movieKbps();
        setLimits("0", Long.toString(kbps * 3 / 2));
        assertEquals("one movie's throughput fits", 200, setUp().status());
        RtspResponse second = setUp();
        assertEquals("a second one does not" + second.describe(), 453, second.status());
        ProcessResult ffmpeg = playOnce();
        assertTrue("ffmpeg sees 453 Not Enough Bandwidth" + ffmpeg.describe(),
                ffmpeg.stderr().contains("453"));
        assertGstreamerRefused("453");
        setLimits("0", Long.toString(kbps * 5 / 2));
        assertEquals("the second fits the raised limit", 200, setUp().status());
    }

    /** The bit rate of sample.mp4 from its size and its 10 s, a little above what the server reserves. */
    private static long movieKbps() throws IOException {
        return Files.size(SERVER.mediaDir().resolve("sample.mp4")) * 8 / 10 / 1000;
    }

    /** Edits the cfg file of the running server and waits until it says it applied the limits. */
    private static void setLimits(String maxConnections, String maxThroughput) throws IOException {
        if (limits.equals(maxConnections + "/" + maxThroughput)) {
            return;
        }
        limits = maxConnections + "/" + maxThroughput;
        Path cfg = SERVER.home().resolve("etc/org.tributary.rtsp.cfg");
        int mark = SERVER.logText().length();
        CfgFile.put(cfg, Map.of("maxConnections", maxConnections, "maxThroughput", maxThroughput));
        String applied = "maxConnections " + maxConnections + ", maxThroughput " + maxThroughput + " kbit/s";
        await("the server applies " + applied).atMost(APPLIED_WITHIN)
                .until(() -> SERVER.logText().substring(mark).contains(applied));
    }

    /** Opens a connection, DESCRIBE and SETUP of the video track over TCP; the connection stays open. */
    private RtspResponse setUp() throws IOException {
        RtspTestClient client = new RtspTestClient("127.0.0.1", SERVER.rtspPort());
        open.add(client);
        return setUp(client);
    }

    private static RtspResponse setUp(RtspTestClient client) throws IOException {
        String url = SERVER.url("/sample.mp4");
        return client.request("SETUP", url + "/trackID=1", "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
    }

    private static void assertGstreamerRefused(String status) {
        ProcessResult gst = ExternalCommand.of(Gstreamer.command(SERVER.url("/sample.mp4"), "tcp"))
                .timeout(Duration.ofSeconds(30)).run();
        String said = gst.stdout() + gst.stderr();
        assertTrue("GStreamer over the limit must fail with " + status + gst.describe(),
                !Gstreamer.reachedEndOfStream(gst) && said.contains("(" + status + ")"));
    }

    private static ProcessResult playOnce() {
        return ExternalCommand.of("ffmpeg", "-nostdin", "-v", "error", "-rtsp_transport", "tcp",
                "-i", SERVER.url("/sample.mp4"), "-t", "1", "-f", "null", "-").timeout(Duration.ofSeconds(30)).run();
    }
}
