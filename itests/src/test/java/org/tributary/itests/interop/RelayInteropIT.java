package org.tributary.itests.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.tributary.itests.interop.LiveClients.BROADCASTER;
import static org.tributary.itests.interop.LiveClients.VIEWER_TIMEOUT;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Origin → edge: ffmpeg publishes sample.mp4 to the origin's {@code /live/cam1} as bob of group
 * broadcaster; the origin lets only logged-in users read {@code /live/}, so the edge, a second
 * distribution, relays it with a factory configuration {@code org.tributary.live.relay-test.cfg}
 * whose URL carries bob's name and password (the relay reads the origin's Digest challenges and
 * answers them over TCP), and ffprobe and ffmpeg viewers of the edge's {@code /live/cam1} get H.264
 * and AAC and decode them without a complaint.
 */
public class RelayInteropIT {

    @ClassRule
    public static final TributaryDistribution ORIGIN = LiveClients.withBroadcaster(new TributaryDistribution())
            .withConfig("org.tributary.access.cfg", Map.of("rules", "/ WRITE group broadcaster; /live/ READ valid-user"));

    /** Four seconds of pictures at 25 per second, less a few for the cut at the end. */
    private static final long FOUR_SECONDS_OF_FRAMES = 90;
    private static final String PATH = "/live/cam1";

    private static TributaryDistribution edge;

    @BeforeClass
    public static void startEdge() throws IOException {
        Tools.require("ffmpeg", "ffprobe");
        edge = new TributaryDistribution().withConfig("org.tributary.live.relay-test.cfg",
                Map.of("url", BROADCASTER.url(ORIGIN, PATH), "path", "cam1", "reconnectSeconds", "1"));
        edge.start();
    }

    @AfterClass
    public static void stopEdge() {
        if (edge != null) {
            edge.close();
        }
    }

    @Test
    public void edgeViewersDecodeTheOriginsBroadcast() {
        int mark = AccessAssertions.logMark(edge);
        String origin = BROADCASTER.url(ORIGIN, PATH);
        try (RunningCommand publisher = LiveClients.publish(ORIGIN.mediaDir().resolve("sample.mp4"), origin, "tcp",
                true)) {
            // the edge pulls again every second until the origin has the broadcast
            LiveClients.awaitPublished(edge, PATH, publisher);
            assertTrue("an anonymous viewer of the origin is asked to log in",
                    AccessAssertions.refusedWith(AccessAssertions.probe(ORIGIN.url(PATH)), AccessAssertions.UNAUTHORIZED));

            ProcessResult probe = AccessAssertions.probe(edge.url(PATH));
            assertTrue("ffprobe of the edge lists h264 and aac" + probe.describe(), AccessAssertions.gotStreams(probe));
            try (RunningCommand tcpViewer = LiveClients.decode(edge.url(PATH), "tcp", 4);
                    RunningCommand udpViewer = LiveClients.decode(edge.url(PATH), "udp", 4)) {
                LiveClients.assertDecodedCleanly("ffmpeg viewer of the edge over TCP", tcpViewer.awaitExit(VIEWER_TIMEOUT),
                        FOUR_SECONDS_OF_FRAMES);
                LiveClients.assertDecodedCleanly("ffmpeg viewer of the edge over UDP", udpViewer.awaitExit(VIEWER_TIMEOUT),
                        FOUR_SECONDS_OF_FRAMES);
            }
        }
        List<String> errors = LiveClients.serverErrors(edge, mark);
        assertEquals("edge karaf.log errors while relaying:\n" + String.join("\n", errors), List.of(), errors);
    }
}
