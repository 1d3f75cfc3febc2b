package org.tributary.itests.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * GStreamer's rtspclientsink publishes a live H.264 stream (ANNOUNCE, SETUP mode=RECORD on its own
 * {@code stream=0} control, RECORD, and a PAUSE at its end of stream) and an ffmpeg viewer decodes it.
 */
public class GstreamerPublishInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = LiveClients.withBroadcaster(new TributaryDistribution());

    private static final String PATH = "/live/gst";

    @Test
    public void rtspclientsinkPublishesAndAViewerDecodes() {
        Tools.require("gst-launch-1.0", "ffmpeg");
        String url = SERVER.url(PATH);
        try (RunningCommand publisher = RunningCommand.start(List.of("gst-launch-1.0", "-e", "videotestsrc",
                "is-live=true", "num-buffers=375", "!", "video/x-raw,width=320,height=240,framerate=25/1", "!",
                "x264enc", "tune=zerolatency", "key-int-max=25", "!", "h264parse", "!", "rtspclientsink",
                "location=" + url, "user-id=" + LiveClients.BROADCASTER.user(),
                "user-pw=" + LiveClients.BROADCASTER.password(), "protocols=tcp"))) {
            LiveClients.awaitPublished(SERVER, PATH, publisher);
            try (RunningCommand viewer = LiveClients.decode(url, "tcp", 4)) {
                ProcessResult decoded = viewer.awaitExit(LiveClients.VIEWER_TIMEOUT);
                assertEquals(decoded.describe(), 0, decoded.exitCode());
                assertEquals("decoding errors" + decoded.describe(), "", decoded.stderr().strip());
                assertTrue("decoded frames" + decoded.describe(), PacketCounts.ofFramecrc(decoded.stdout()).video() >= 50);
            }
            ProcessResult published = publisher.awaitExit(Duration.ofSeconds(40));
            assertEquals("the publisher ends cleanly, its closing PAUSE and TEARDOWN answered" + published.describe()
                    + SERVER.recentLog(),
                    0, published.exitCode());
            assertTrue(published.describe(), !published.stdout().contains("ERROR") && !published.stderr().contains("ERROR"));
        }
    }
}
