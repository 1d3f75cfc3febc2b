package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.tributary.itests.interop.LiveClients.VIEWER_TIMEOUT;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * A playlist broadcast ({@code etc/org.tributary.live.playlist-test.cfg}: sample.mp4 then sample.mov,
 * looped, at {@code /live/channel1}): ffprobe sees H.264 and AAC, and an ffmpeg viewer decodes 15 s,
 * longer than one 10 s item, so it crosses into the next item, without a complaint.
 */
public class PlaylistInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution()
            .withConfig("org.tributary.live.playlist-test.cfg",
                    Map.of("path", "channel1", "items", "/sample.mp4;/sample.mov", "mode", "loop"));

    private static final String PATH = "/live/channel1";
    /** Fifteen seconds of pictures at 25 per second, less a few for the cut at the start and the end. */
    private static final long FIFTEEN_SECONDS_OF_FRAMES = 340;

    @BeforeClass
    public static void needsFfmpeg() {
        Tools.require("ffmpeg", "ffprobe");
    }

    @Test
    public void viewerDecodesAcrossTheChangeOfItem() {
        int mark = SERVER.logText().length();
        await(PATH + " broadcasting").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> LiveClients.describeStatus(SERVER, PATH) == 200);

        ProcessResult probe = AccessAssertions.probe(SERVER.url(PATH));
        assertTrue("ffprobe lists h264 and aac" + probe.describe(), AccessAssertions.gotStreams(probe));
        try (RunningCommand viewer = LiveClients.decode(SERVER.url(PATH), "tcp", 15)) {
            LiveClients.assertDecodedCleanly("ffmpeg viewer of the playlist", viewer.awaitExit(VIEWER_TIMEOUT),
                    FIFTEEN_SECONDS_OF_FRAMES);
        }
        String log = SERVER.logText();
        assertTrue("the playlist moved on to its next item:\n" + log.substring(mark),
                log.contains("playlist channel1: playing /sample.mov"));
        List<String> errors = LiveClients.serverErrors(SERVER, mark);
        assertEquals("karaf.log errors while playing:\n" + String.join("\n", errors), List.of(), errors);
    }

    @Test
    public void theShellShowsTheItemOnNowAndNext() {
        await().atMost(Duration.ofSeconds(30)).until(() -> LiveClients.describeStatus(SERVER, PATH) == 200);
        ProcessResult shown = SERVER.client("stream:playlists");
        assertTrue(shown.describe(), shown.stdout().contains("channel1"));
        assertTrue("current and next items" + shown.describe(),
                shown.stdout().contains("/sample.mp4") && shown.stdout().contains("/sample.mov"));
    }
}
