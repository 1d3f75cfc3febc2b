package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.tributary.itests.interop.LiveClients.BROADCASTER;
import static org.tributary.itests.interop.LiveClients.VIEWER_TIMEOUT;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Live broadcasts with real clients: ffmpeg publishes sample.mp4 (10 s, 25 frames per second, a
 * key frame every 2 s) in real time to {@code /live/NAME} with ANNOUNCE and RECORD, over TCP or
 * UDP, as bob of group broadcaster; ffmpeg and GStreamer viewers watch it at the same time, over
 * UDP and TCP, anonymously. Viewers start only once the path answers DESCRIBE 200.
 */
public class LiveBroadcastInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = LiveClients.withBroadcaster(new TributaryDistribution());

    /** Four seconds of pictures at 25 per second, less a few for the cut at the end. */
    private static final long FOUR_SECONDS_OF_FRAMES = 90;
    /** Three seconds of pictures at 25 per second, less a few for the cut at the end. */
    private static final long THREE_SECONDS_OF_FRAMES = 67;
    /**
     * A publisher's TEARDOWN ends its viewers at once (RTCP BYE); only the publisher time-out
     * (20 s by default, as here) would take longer than this.
     */
    private static final Duration CLEAN_END = Duration.ofSeconds(10);
    /** The viewer's end and the publisher's exit are seen by different processes, so allow a little skew. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(1);

    @Before
    public void needsClients() {
        Tools.require("ffmpeg", "gst-launch-1.0");
    }

    @Test
    public void broadcastPublishedOverTcpIsDecodedByThreeViewersAtOnce() {
        assertFanOut("/live/over-tcp", "tcp", "udp");
    }

    @Test
    public void broadcastPublishedOverUdpIsDecodedByThreeViewersAtOnce() {
        assertFanOut("/live/over-udp", "udp", "tcp");
    }

    @Test
    public void lateJoinerStartsAtAKeyFrameAndDecodesCleanly() {
        String path = "/live/late";
        try (RunningCommand publisher = publish(path, "tcp")) {
            LiveClients.awaitPublished(SERVER, path, publisher);
            // join in the middle of the second group of pictures (key frames at 2 s and 4 s)
            await("3 s of broadcast").pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(publisher::isAlive);
            try (RunningCommand copy = LiveClients.copyVideo(SERVER.url(path), "udp", 3);
                    RunningCommand decode = LiveClients.decode(SERVER.url(path), "tcp", 3)) {
                ProcessResult copied = copy.awaitExit(VIEWER_TIMEOUT);
                ProcessResult decoded = decode.awaitExit(VIEWER_TIMEOUT);

                assertEquals("late ffmpeg copying the video" + copied.describe(), 0, copied.exitCode());
                List<String> video = copied.stdoutLines().stream().filter(line -> line.startsWith("0,")).toList();
                assertFalse("the late joiner received no video packet" + copied.describe(), video.isEmpty());
                assertFalse("the late joiner's first video packet must be a key frame (no F= flags): " + video.get(0)
                        + copied.describe(), video.get(0).contains("F="));
                // guards the signal itself: this listing does mark the frames that are not key frames
                assertTrue("framecrc marks no packet as a non-key frame (F=0x0)" + copied.describe(),
                        video.stream().anyMatch(line -> line.endsWith("F=0x0")));
                LiveClients.assertDecodedCleanly("late ffmpeg viewer over TCP", decoded, THREE_SECONDS_OF_FRAMES);
            }
            ProcessResult published = publisher.awaitExit(VIEWER_TIMEOUT);
            assertEquals("publisher exit code" + published.describe(), 0, published.exitCode());
        }
    }

    /**
     * Publishes over {@code publishTransport} while ffmpeg decodes over UDP and over TCP for 4 s and
     * GStreamer decodes over {@code gstreamerProtocol} until the broadcast ends; asserts every viewer
     * decoded without a complaint and GStreamer ended with end-of-stream when the publisher did.
     */
    private static void assertFanOut(String path, String publishTransport, String gstreamerProtocol) {
        int mark = AccessAssertions.logMark(SERVER);
        String url = SERVER.url(path);
        try (RunningCommand publisher = publish(path, publishTransport)) {
            LiveClients.awaitPublished(SERVER, path, publisher);
            try (RunningCommand udpViewer = LiveClients.decode(url, "udp", 4);
                    RunningCommand tcpViewer = LiveClients.decode(url, "tcp", 4);
                    RunningCommand gstViewer = LiveClients.gstreamer(url, gstreamerProtocol)) {
                ProcessResult udp = udpViewer.awaitExit(VIEWER_TIMEOUT);
                ProcessResult tcp = tcpViewer.awaitExit(VIEWER_TIMEOUT);
                ProcessResult published = publisher.awaitExit(VIEWER_TIMEOUT);
                ProcessResult gst = gstViewer.awaitExit(VIEWER_TIMEOUT);

                assertEquals("publisher over " + publishTransport + " exit code" + published.describe(),
                        0, published.exitCode());
                LiveClients.assertDecodedCleanly("ffmpeg viewer over UDP", udp, FOUR_SECONDS_OF_FRAMES);
                LiveClients.assertDecodedCleanly("ffmpeg viewer over TCP", tcp, FOUR_SECONDS_OF_FRAMES);
                assertTrue("GStreamer over " + gstreamerProtocol + " must reach end-of-stream" + gst.describe(),
                        Gstreamer.reachedEndOfStream(gst));
                assertEndedWithThePublisher("GStreamer over " + gstreamerProtocol, gstViewer, publisher, gst);
            }
        }
        List<String> errors = LiveClients.serverErrors(SERVER, mark);
        assertTrue("karaf.log reports errors while broadcasting " + path + ":\n" + String.join("\n", errors),
                errors.isEmpty());
    }

    /**
     * Asserts that a viewer that plays to the end ended when the publisher did: not before (the
     * server dropped it mid-broadcast) and not much later (only the publisher time-out ended it).
     */
    private static void assertEndedWithThePublisher(String viewer, RunningCommand viewerRun, RunningCommand publisher,
            ProcessResult run) {
        Instant viewerEnd = viewerRun.endedAt();
        Instant publisherEnd = publisher.endedAt();
        String times = ": viewer ended at " + viewerEnd + ", publisher at " + publisherEnd + run.describe();
        assertTrue(viewer + " ended before the publisher" + times,
                viewerEnd.isAfter(publisherEnd.minus(CLOCK_SKEW)));
        assertTrue(viewer + " ended more than " + CLEAN_END.toSeconds() + " s after the publisher" + times,
                viewerEnd.isBefore(publisherEnd.plus(CLEAN_END)));
    }

    private static RunningCommand publish(String path, String transport) {
        return LiveClients.publish(movie(), BROADCASTER.url(SERVER, path), transport, false);
    }

    private static Path movie() {
        return SERVER.mediaDir().resolve("sample.mp4");
    }
}
