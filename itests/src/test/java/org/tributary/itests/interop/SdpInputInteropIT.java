package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.tributary.itests.interop.LiveClients.VIEWER_TIMEOUT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.FreePorts;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.RtspResponse;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * SDP-file inputs: ffmpeg sends sample.mp4 (looped, in real time) as plain RTP to two UDP ports of
 * 127.0.0.1 and writes the SDP that describes them; once that file is copied into the media folder,
 * ffmpeg and GStreamer viewers play {@code rtsp://127.0.0.1:PORT/feed.sdp}. Bad files get an RTSP
 * error while the server goes on serving, and a feed whose sender never sends ends its viewer
 * within the publisher timeout, 5 s here.
 */
public class SdpInputInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution()
            .withConfig("org.tributary.source.sdp.cfg", Map.of("publisherTimeout", "5"));

    /** Three seconds of pictures at 25 per second, less a few for the cut at the end. */
    private static final long THREE_SECONDS_OF_FRAMES = 67;
    /** The publisher time-out (5 s) plus room for a loaded machine. */
    private static final Duration ENDS_WITHIN = Duration.ofSeconds(15);
    private static final Duration SDP_WRITTEN = Duration.ofSeconds(20);

    @BeforeClass
    public static void needsClients() {
        Tools.require("ffmpeg", "gst-launch-1.0");
    }

    @Test
    public void feedDescribedByAnSdpFilePlaysForFfmpegAndGstreamer() throws IOException {
        int mark = AccessAssertions.logMark(SERVER);
        int videoPort = FreePorts.udpPair();
        int audioPort = FreePorts.udpPair();
        Path written = Files.createTempFile(Path.of(System.getProperty("tributary.work", "target")), "feed-", ".sdp");
        String url = SERVER.url("/feed.sdp");
        try (RunningCommand sender = LiveClients.sendRtp(SERVER.mediaDir().resolve("sample.mp4"), videoPort,
                audioPort, written)) {
            await("ffmpeg wrote the SDP").atMost(SDP_WRITTEN).pollInterval(Duration.ofMillis(100))
                    .until(() -> sender.isAlive() && Files.readString(written).contains("m=audio"));
            placeInMediaFolder(written, "feed.sdp");
            try (RunningCommand gstreamer = RunningCommand.start(Gstreamer.countingCommand(url, "udp"));
                    RunningCommand decode = LiveClients.decode(url, "udp", 3);
                    RunningCommand copy = LiveClients.copyVideo(url, "tcp", 3)) {
                ProcessResult decoded = decode.awaitExit(VIEWER_TIMEOUT);
                ProcessResult copied = copy.awaitExit(VIEWER_TIMEOUT);
                LiveClients.assertDecodedCleanly("ffmpeg viewer of feed.sdp over UDP", decoded,
                        THREE_SECONDS_OF_FRAMES);
                assertFirstVideoPacketIsAKeyFrame(copied);

                ProcessResult listed = SERVER.client("stream:broadcasts");
                assertTrue("stream:broadcasts lists the feed" + listed.describe(),
                        listed.stdout().contains("/feed.sdp") && listed.stdout().contains("udp 127.0.0.1:" + videoPort));
                assertTrue("GStreamer must still be playing the feed", gstreamer.isAlive());

                // the sender stops: the feed falls silent, and the publisher time-out ends GStreamer with BYE
                sender.close();
                ProcessResult gst = gstreamer.awaitExit(ENDS_WITHIN);
                assertFalse("GStreamer still playing " + ENDS_WITHIN.toSeconds() + " s after the sender stopped"
                        + gst.describe(), gst.timedOut());
                assertTrue("GStreamer must end with end-of-stream" + gst.describe(), Gstreamer.reachedEndOfStream(gst));
                assertTrue("GStreamer decoded " + Gstreamer.decodedPictures(gst) + " pictures" + gst.describe(),
                        Gstreamer.decodedPictures(gst) >= THREE_SECONDS_OF_FRAMES);
            }
        }
        List<String> errors = LiveClients.serverErrors(SERVER, mark);
        assertEquals("karaf.log errors while playing feed.sdp:\n" + String.join("\n", errors), List.of(), errors);
    }

    @Test
    public void forgedOversizedAndForeignSdpFilesGetAnErrorWhileTheServerServesOn() throws IOException {
        int port = FreePorts.udpPair();
        String good = "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=feed\r\nt=0 0\r\nm=audio " + port + " RTP/AVP 97\r\n"
                + "c=IN IP4 127.0.0.1\r\na=rtpmap:97 MPEG4-GENERIC/48000/2\r\n";
        Map<String, String> bad = Map.of(
                "forged.sdp", good.replace("v=0\r\n", ""),
                "oversized.sdp", good + "a=x-filler:" + "x".repeat(20 * 1024) + "\r\n",
                "foreign.sdp", good.replace("c=IN IP4 127.0.0.1", "c=IN IP4 203.0.113.5"),
                "binary.sdp", "v=0\r\n\u0000\u0001\u0002\r\n");
        for (Map.Entry<String, String> file : bad.entrySet()) {
            Files.writeString(SERVER.mediaDir().resolve(file.getKey()), file.getValue());
            RtspResponse describe = LiveClients.describe(SERVER, "/" + file.getKey());
            assertTrue("DESCRIBE of " + file.getKey() + " must be refused" + describe.describe(),
                    describe.status() >= 400 && describe.status() < 600);
            assertTrue("karaf.log names " + file.getKey(), SERVER.logText().contains("SDP file " + file.getKey()));
        }
        assertEquals("a missing file", 404, LiveClients.describeStatus(SERVER, "/missing.sdp"));
        assertEquals("a path out of the folder", 404, LiveClients.describeStatus(SERVER, "/../etc/feed.sdp"));
        assertEquals("the server goes on serving movies", 200, LiveClients.describeStatus(SERVER, "/sample.mp4"));
    }

    @Test
    public void feedWhoseSenderNeverSendsEndsItsViewerWithinThePublisherTimeout() throws IOException {
        int port = FreePorts.udpPair();
        Files.writeString(SERVER.mediaDir().resolve("silent.sdp"), "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=silent\r\n"
                + "t=0 0\r\nm=video " + port + " RTP/AVP 96\r\nc=IN IP4 127.0.0.1\r\na=rtpmap:96 H264/90000\r\n");
        // ffmpeg over TCP ends on RTCP BYE even before any packet; GStreamer ignores a BYE before data
        try (RunningCommand viewer = LiveClients.decode(SERVER.url("/silent.sdp"), "tcp", -1)) {
            ProcessResult ended = viewer.awaitExit(ENDS_WITHIN);
            assertFalse("the viewer of a silent feed still plays after " + ENDS_WITHIN.toSeconds() + " s"
                    + ended.describe(), ended.timedOut());
        }
        await("the feed's end logged").atMost(Duration.ofSeconds(5))
                .until(() -> SERVER.logText().contains("SDP feed /silent.sdp stopped (no RTP for 5 s)"));
    }

    private static void assertFirstVideoPacketIsAKeyFrame(ProcessResult copied) {
        assertEquals("ffmpeg copying the video" + copied.describe(), 0, copied.exitCode());
        List<String> video = copied.stdoutLines().stream().filter(line -> line.startsWith("0,")).toList();
        assertFalse("no video packet" + copied.describe(), video.isEmpty());
        assertFalse("the first video packet must be a key frame (no F= flags): " + video.get(0) + copied.describe(),
                video.get(0).contains("F="));
        assertTrue("framecrc marks no packet as a non-key frame (F=0x0)" + copied.describe(),
                video.stream().anyMatch(line -> line.endsWith("F=0x0")));
    }

    /** Copies a file into the media folder under {@code name} in one step, so the server never reads half of it. */
    private static void placeInMediaFolder(Path file, String name) throws IOException {
        Path partial = SERVER.mediaDir().resolve(name + ".part");
        Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, SERVER.mediaDir().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
