package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * What real players report back (RTCP receiver reports) shows in {@code stream:sessions}: loss in
 * percent, jitter and the round-trip time computed from the reports' LSR/DLSR fields.
 */
public class ReceptionStatsInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution();

    /** ffmpeg and GStreamer send a receiver report every few seconds; the first one that answers a sender report comes within this. */
    private static final Duration FIRST_ROUND_TRIP = Duration.ofSeconds(9);
    private static final String MOVIE = "thirty-seconds.mp4";

    @BeforeClass
    public static void thirtySecondMovie() {
        Tools.require("ffmpeg", "gst-launch-1.0");
        // long enough that the players are still playing when their reports have come in
        ProcessResult copy = ExternalCommand.of("ffmpeg", "-nostdin", "-v", "error", "-stream_loop", "2", "-i",
                SERVER.mediaDir().resolve("sample.mp4").toString(), "-c", "copy",
                SERVER.mediaDir().resolve(MOVIE).toString()).timeout(Duration.ofSeconds(60)).run();
        assertEquals("making the 30 s movie" + copy.describe(), 0, copy.exitCode());
    }

    @Test
    public void ffmpegsReportsShowAsLossJitterAndRoundTrip() {
        try (RunningCommand viewer = LiveClients.decode(SERVER.url("/" + MOVIE), "udp", -1)) {
            assertReportedByItsPlayer(viewer);
        }
    }

    @Test
    public void gstreamersReportsShowAsLossJitterAndRoundTrip() {
        try (RunningCommand viewer = LiveClients.gstreamer(SERVER.url("/" + MOVIE), "udp")) {
            assertReportedByItsPlayer(viewer);
        }
    }

    private static void assertReportedByItsPlayer(RunningCommand viewer) {
        AtomicReference<String> last = new AtomicReference<>("");
        await("a session row with a round-trip time").atMost(FIRST_ROUND_TRIP.plusSeconds(10))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    ProcessResult sessions = SERVER.client("stream:sessions");
                    last.set(sessions.stdout());
                    return row(sessions.stdout()).map(cells -> !cells.get(cells.size() - 1).equals("-")).orElse(false);
                });
        List<String> cells = row(last.get()).orElseThrow();
        int n = cells.size();
        double lossPercent = Double.parseDouble(cells.get(n - 3));
        double jitter = Double.parseDouble(cells.get(n - 2));
        double roundTrip = Double.parseDouble(cells.get(n - 1));
        String table = "\n" + last.get();
        assertEquals("nothing is lost on loopback" + table, 0.0, lossPercent, 0.0);
        assertTrue("jitter in milliseconds" + table, jitter >= 0 && jitter < 100);
        assertTrue("round trip on loopback" + table, roundTrip >= 0 && roundTrip < 200);
        assertTrue("the player is still playing", viewer.isAlive());
    }

    /** @return the cells of the one PLAYING session row, split on the table's column separators */
    private static Optional<List<String>> row(String table) {
        return table.lines().filter(line -> line.contains("PLAYING"))
                .map(line -> List.of(line.split("\\s*\\|\\s*")).stream().map(String::trim).toList())
                .findFirst();
    }
}
