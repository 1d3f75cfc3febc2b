package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.tributary.itests.interop.LiveClients.BROADCASTER;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.Verifier;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.RtspResponse;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Publishers that are refused or that vanish, against a server that keeps a looping broadcast on
 * {@code /live/busy} for the whole class: anonymous and second publishers, RECORD without
 * ANNOUNCE, oversized and forged SDP, RTP forged from another address, and a publisher killed with
 * SIGKILL. After every test the
 * busy broadcast still answers DESCRIBE 200. The publisher time-out is 5 s here.
 */
public class LiveBroadcastBadInputInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = LiveClients.withBroadcaster(new TributaryDistribution())
            .withConfig("org.tributary.source.live.cfg", Map.of("publisherTimeout", "5"));

    private static final String BUSY = "/live/busy";
    /** The publisher time-out (5 s) plus room for a loaded machine. */
    private static final Duration ENDS_WITHIN = Duration.ofSeconds(15);
    private static final Duration REFUSAL_TIMEOUT = Duration.ofSeconds(30);
    /** Twice the key frame interval (2 s): every viewer has decoded pictures by then. */
    private static final Duration VIEWERS_PLAYING = Duration.ofSeconds(4);

    private static RunningCommand busyPublisher;

    @Rule
    public final Verifier busyBroadcastGoesOn = new Verifier() {
        @Override
        protected void verify() throws Throwable {
            RtspResponse describe = LiveClients.describe(SERVER, BUSY);
            assertEquals(BUSY + " after a bad publisher" + describe.describe(), 200, describe.status());
        }
    };

    @BeforeClass
    public static void startBusyBroadcast() {
        Tools.require("ffmpeg", "gst-launch-1.0");
        busyPublisher = LiveClients.publish(movie(), BROADCASTER.url(SERVER, BUSY), "tcp", true);
        LiveClients.awaitPublished(SERVER, BUSY, busyPublisher);
    }

    @AfterClass
    public static void stopBusyBroadcast() {
        if (busyPublisher != null) {
            busyPublisher.close();
        }
    }

    @Test
    public void anonymousPublisherGets401() throws IOException {
        ProcessResult push = pushOnce(SERVER.url("/live/anonymous"));
        assertNotEquals("ffmpeg publishing without credentials must fail" + push.describe(), 0, push.exitCode());
        assertTrue("ANNOUNCE without credentials must get 401" + push.describe(),
                push.stderr().contains(AccessAssertions.UNAUTHORIZED));
        assertEquals("DESCRIBE of the refused path", 404, LiveClients.describeStatus(SERVER, "/live/anonymous"));
    }

    @Test
    public void secondPublisherOnABusyPathGets409() {
        ProcessResult push = pushOnce(BROADCASTER.url(SERVER, BUSY));
        assertNotEquals("a second publisher of " + BUSY + " must fail" + push.describe(), 0, push.exitCode());
        assertTrue("ANNOUNCE of a busy path must get 409 Conflict" + push.describe(),
                push.stderr().contains("409 Conflict"));
        assertTrue("the first publisher must keep publishing", busyPublisher.isAlive());
    }

    @Test
    public void recordOrSetupForRecordWithoutAnnounceGet455() throws IOException {
        String url = SERVER.url("/live/never-announced");
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", SERVER.rtspPort())) {
            RtspResponse record = client.request("RECORD", url, "Range: npt=0-");
            assertEquals("RECORD without ANNOUNCE" + record.describe(), 455, record.status());
            RtspResponse setup = client.request("SETUP", url + "/streamid=0",
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1;mode=record");
            assertEquals("SETUP mode=record without ANNOUNCE" + setup.describe(), 455, setup.status());
        }
    }

    @Test
    public void oversizedSdpGets400WhileTheBusyBroadcastPlaysOn() throws IOException {
        try (RunningCommand viewer = LiveClients.decode(SERVER.url(BUSY), "tcp", 4)) {
            assertAccepted("/live/small-sdp");
            String oversized = Announcements.paddedSdp(20 * 1024);
            RtspResponse announce = Announcements.announce(SERVER, "/live/oversized", BROADCASTER, oversized);
            assertEquals("ANNOUNCE of a " + oversized.length() + "-byte SDP" + announce.describe(),
                    400, announce.status());
            assertEquals("DESCRIBE of the refused path", 404, LiveClients.describeStatus(SERVER, "/live/oversized"));
            LiveClients.assertDecodedCleanly("viewer of " + BUSY + " meanwhile",
                    viewer.awaitExit(LiveClients.VIEWER_TIMEOUT), 90);
        }
    }

    @Test
    public void forgedSdpWithoutVersionLineGets400() throws IOException {
        assertAccepted("/live/versioned-sdp");
        String forged = Announcements.VALID_SDP.replace("v=0\r\n", "");
        RtspResponse announce = Announcements.announce(SERVER, "/live/forged", BROADCASTER, forged);
        assertEquals("ANNOUNCE of an SDP without v= line" + announce.describe(), 400, announce.status());
        assertEquals("DESCRIBE of the refused path", 404, LiveClients.describeStatus(SERVER, "/live/forged"));
    }

    @Test
    public void killedPublisherEndsItsViewersWithinThePublisherTimeout() throws IOException {
        String path = "/live/killed";
        String url = SERVER.url(path);
        // over UDP the publishing session outlives its connection: only the time-out can end it
        try (RunningCommand publisher = LiveClients.publish(movie(), BROADCASTER.url(SERVER, path), "udp", true)) {
            LiveClients.awaitPublished(SERVER, path, publisher);
            try (RunningCommand gstreamer = LiveClients.gstreamer(url, "udp");
                    RunningCommand ffmpeg = LiveClients.decode(url, "tcp", -1)) {
                await("both viewers still playing after " + VIEWERS_PLAYING.toSeconds() + " s")
                        .pollDelay(VIEWERS_PLAYING).atMost(VIEWERS_PLAYING.plusSeconds(2))
                        .until(() -> gstreamer.isAlive() && ffmpeg.isAlive() && publisher.isAlive());
                Instant killed = Instant.now();
                publisher.kill();
                ProcessResult gst = gstreamer.awaitExit(ENDS_WITHIN);
                ProcessResult decoded = ffmpeg.awaitExit(remainingUntil(killed.plus(ENDS_WITHIN)));

                assertFalse("GStreamer still playing " + ENDS_WITHIN.toSeconds() + " s after the publisher was killed"
                        + gst.describe(), gst.timedOut());
                assertTrue("GStreamer must end with end-of-stream" + gst.describe(), Gstreamer.reachedEndOfStream(gst));
                assertFalse("ffmpeg still playing " + ENDS_WITHIN.toSeconds() + " s after the publisher was killed"
                        + decoded.describe(), decoded.timedOut());
                LiveClients.assertDecodedCleanly("ffmpeg viewer over TCP", decoded, 25);
            }
        }
        RtspResponse describe = LiveClients.describe(SERVER, path);
        assertEquals("DESCRIBE after the broadcast timed out" + describe.describe(), 404, describe.status());
    }

    @Test
    public void rtpFromAnotherAddressIsDroppedWhileTheViewersDecodeCleanly() throws IOException {
        String path = "/live/foreign";
        int mark = AccessAssertions.logMark(SERVER);
        try (RunningCommand publisher = LiveClients.publish(movie(), BROADCASTER.url(SERVER, path), "udp", true)) {
            LiveClients.awaitPublished(SERVER, path, publisher);
            try (RunningCommand viewer = LiveClients.decode(SERVER.url(path), "tcp", 4)) {
                int[] range = SERVER.rtpPortRange();
                // 127.0.0.2 is this host too, but not the publisher's address: forge RTP to every server port
                try (DatagramSocket forger = new DatagramSocket(new InetSocketAddress("127.0.0.2", 0))) {
                    byte[] forged = {(byte) 0x80, 96, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0x65, (byte) 0x88, 0x00};
                    for (int port = range[0]; port <= range[1]; port++) {
                        forger.send(new DatagramPacket(forged, forged.length,
                                new InetSocketAddress("127.0.0.1", port)));
                    }
                }
                LiveClients.assertDecodedCleanly("viewer of " + path + " while forged RTP arrived",
                        viewer.awaitExit(LiveClients.VIEWER_TIMEOUT), 90);
            }
        }
        String log = SERVER.logText().substring(mark);
        assertTrue("karaf.log must name the dropped foreign packets:\n" + log,
                log.lines().anyMatch(line -> line.contains("from /127.0.0.2:")
                        && line.contains("not the sender 127.0.0.1:")));
    }

    /** Announces the well-formed SDP the bad ones are made from, and asserts it is accepted. */
    private static void assertAccepted(String path) throws IOException {
        RtspResponse announce = Announcements.announce(SERVER, path, BROADCASTER, Announcements.VALID_SDP);
        assertEquals("ANNOUNCE of the well-formed SDP" + announce.describe(), 200, announce.status());
    }

    /** Runs an ffmpeg publisher (not in real time) to {@code url} over TCP until it ends. */
    private static ProcessResult pushOnce(String url) {
        return ExternalCommand.of("ffmpeg", "-nostdin", "-v", "warning", "-i", movie().toString(), "-c", "copy",
                "-f", "rtsp", "-rtsp_transport", "tcp", url).timeout(REFUSAL_TIMEOUT).run();
    }

    private static Duration remainingUntil(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Path movie() {
        return SERVER.mediaDir().resolve("sample.mp4");
    }
}
