package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.LiveConfig;
import org.tributary.itests.support.OpenSockets;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * IP bindings: a server told to listen on 127.0.0.1 and 127.0.0.2 (both loopback on Linux) serves
 * ffmpeg and GStreamer on each, sends the media of a UDP session from the address its client asked,
 * refuses 127.0.0.3, lists both endpoints in {@code stream:status}, and drops one address live.
 */
public class BindAddressesInteropIT {

    private static final String FIRST = "127.0.0.1";
    private static final String SECOND = "127.0.0.2";

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution()
            .withConfig("org.tributary.rtsp.cfg", Map.of("bindAddress", FIRST + ", " + SECOND));

    @Test
    public void ffmpegPlaysEveryPacketOverUdpFromEachAddressAndMediaComesFromThatAddress() {
        Tools.require("ffmpeg");
        for (String address : new String[] {FIRST, SECOND}) {
            // filter_src connects ffmpeg's RTP sockets to the address it asked: media from any other is dropped
            PlaybackAssertions.assertPlaysEveryPacket(SERVER.mediaDir().resolve("sample.mp4"),
                    url(address, "sample.mp4"), "udp", "-rtsp_flags", "filter_src");
        }
    }

    @Test
    public void gstreamerDecodesEveryPictureOverUdpFromTheSecondAddress() {
        Tools.require("gst-launch-1.0");
        ProcessResult play = ExternalCommand.of(Gstreamer.countingCommand(url(SECOND, "sample.mp4"), "udp"))
                .timeout(Ffmpeg.PLAY_TIMEOUT).run();
        assertTrue("GStreamer reaches the end" + play.describe(), Gstreamer.reachedEndOfStream(play));
        assertEquals("decoded pictures" + play.describe(), 250, Gstreamer.decodedPictures(play));
    }

    @Test
    public void anAddressNotConfiguredRefusesConnections() {
        Tools.require("ffprobe");
        assertFalse(OpenSockets.accepts("127.0.0.3", SERVER.rtspPort()));
        ProcessResult probe = Ffmpeg.probeStreams(url("127.0.0.3", "sample.mp4"), "tcp");
        assertNotEquals("ffprobe on 127.0.0.3" + probe.describe(), 0, probe.exitCode());
        assertTrue("ffprobe says why" + probe.describe(), probe.stderr().contains("Connection refused"));
    }

    @Test
    public void statusListsOneEndpointPerAddress() {
        ProcessResult status = SERVER.client("stream:status");
        for (String address : new String[] {FIRST, SECOND}) {
            assertTrue(address + status.describe(), status.stdoutLines().stream().anyMatch(line -> line.contains("RTSP")
                    && line.contains(address) && line.contains(String.valueOf(SERVER.rtspPort()))
                    && line.contains("serving")));
        }
    }

    @Test
    public void droppingAnAddressLiveClosesOnlyItsListener() {
        int port = SERVER.rtspPort();
        try {
            LiveConfig.set(SERVER, "org.tributary.rtsp", "bindAddress", FIRST);
            await().atMost(Duration.ofSeconds(30)).until(() -> !OpenSockets.accepts(SECOND, port));
            assertTrue(OpenSockets.accepts(FIRST, port));
            assertTrue(SERVER.logText(), SERVER.logText().contains("Stopped listening on RTSP " + SECOND + ":" + port));
            assertFalse(SERVER.logText(), SERVER.logText().contains("Stopped listening on RTSP " + FIRST + ":" + port));
        } finally {
            LiveConfig.set(SERVER, "org.tributary.rtsp", "bindAddress", FIRST + ", " + SECOND);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> OpenSockets.accepts(SECOND, port));
    }

    private static String url(String address, String path) {
        return "rtsp://" + address + ":" + SERVER.rtspPort() + "/" + path;
    }
}
