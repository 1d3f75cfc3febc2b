package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.tributary.itests.interop.LiveClients.BROADCASTER;
import static org.tributary.itests.interop.LiveClients.VIEWER_TIMEOUT;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * {@code publisherWait}: the publisher of a broadcast vanishes (SIGKILL), its viewers wait, another
 * ffmpeg publishes the same movie to the same path, and the same viewers, ffmpeg and GStreamer, go on
 * decoding it; when no publisher comes back they end once the wait is over.
 */
public class LivePublisherReturnsInteropIT {

    private static final int WAIT_SECONDS = 6;

    @ClassRule
    public static final TributaryDistribution SERVER = LiveClients.withBroadcaster(new TributaryDistribution())
            .withConfig("org.tributary.source.live.cfg", Map.of("publisherWait", Integer.toString(WAIT_SECONDS)));

    /** The first publisher is killed after this much of its movie. */
    private static final Duration FIRST_PUBLISHER_RUNS = Duration.ofSeconds(4);
    /**
     * Frames a viewer gets from the second publisher's 10 s at 25 per second (250), less a few for the
     * cut, plus more than nothing from the first: only a viewer that went on with the second publisher
     * decodes this many.
     */
    private static final long FRAMES_OF_BOTH = 280;

    @Before
    public void needsClients() {
        Tools.require("ffmpeg", "gst-launch-1.0");
    }

    @Test
    public void viewersGoOnWithTheNextPublisherAndEndWhenNoneComes() throws IOException {
        String path = "/live/comes-back";
        String url = SERVER.url(path);
        try (RunningCommand first = publish(path)) {
            LiveClients.awaitPublished(SERVER, path, first);
            try (RunningCommand ffmpeg = LiveClients.decode(url, "udp", -1);
                    RunningCommand gstreamer = LiveClients.gstreamer(url, "tcp")) {
                await("viewers playing the first publisher").pollDelay(FIRST_PUBLISHER_RUNS)
                        .atMost(FIRST_PUBLISHER_RUNS.plusSeconds(2))
                        .until(() -> ffmpeg.isAlive() && gstreamer.isAlive() && first.isAlive());
                first.kill();
                ProcessResult second;
                try (RunningCommand next = publish(path)) {
                    second = next.awaitExit(VIEWER_TIMEOUT);
                    assertEquals("the second publisher of the waiting path" + second.describe(), 0, second.exitCode());
                    Instant secondEnded = next.endedAt();
                    assertTrue("viewers must still wait right after the second publisher left",
                            ffmpeg.isAlive() && gstreamer.isAlive());
                    ProcessResult decoded = ffmpeg.awaitExit(VIEWER_TIMEOUT);
                    ProcessResult gst = gstreamer.awaitExit(VIEWER_TIMEOUT);

                    LiveClients.assertDecodedCleanly("ffmpeg viewer of both publishers", decoded, FRAMES_OF_BOTH);
                    assertTrue("GStreamer must reach end-of-stream" + gst.describe(),
                            Gstreamer.reachedEndOfStream(gst));
                    assertFalse("GStreamer reported errors" + gst.describe(), gst.stderr().contains("ERROR"));
                    assertEndedAfterTheWait("ffmpeg", ffmpeg.endedAt(), secondEnded, decoded);
                    assertEndedAfterTheWait("GStreamer", gstreamer.endedAt(), secondEnded, gst);
                }
            }
        }
        assertEquals("DESCRIBE once nobody came back", 404, LiveClients.describeStatus(SERVER, path));
    }

    private static void assertEndedAfterTheWait(String viewer, Instant ended, Instant publisherLeft,
                                                ProcessResult run) {
        Duration after = Duration.between(publisherLeft, ended);
        String times = ": ended " + after.toMillis() + " ms after the last publisher left" + run.describe();
        assertTrue(viewer + " ended before the " + WAIT_SECONDS + " s wait was over" + times,
                after.compareTo(Duration.ofSeconds(WAIT_SECONDS - 1)) >= 0);
        assertTrue(viewer + " ended long after the wait was over" + times,
                after.compareTo(Duration.ofSeconds(WAIT_SECONDS + 8)) <= 0);
    }

    private static RunningCommand publish(String path) {
        return LiveClients.publish(movie(), BROADCASTER.url(SERVER, path), "tcp", false);
    }

    private static Path movie() {
        return SERVER.mediaDir().resolve("sample.mp4");
    }
}
