package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Management of the media folder, relays and playlists from the shell, on one distribution with a
 * looping playlist ({@code /live/channel1}: sample.mp4 then sample.mov) and an always-on relay of an
 * origin that refuses every connection ({@code /live/dead}): {@code stream:media} lists the sample
 * movie with its codecs, duration and URL, and a damaged movie with its problem (a viewer of it gets
 * 500 and the log one line); {@code stream:relays} shows the dead relay FAILING with its failures,
 * logged once; {@code stream:playlist skip} moves the playlist on, {@code stop} ends an ffmpeg viewer and
 * the path, and {@code start} brings it back.
 */
public class MediaManagementInteropIT {

    private static final String CHANNEL = "/live/channel1";
    private static final Duration SHOWN_WITHIN = Duration.ofSeconds(20);

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution()
            .withConfig("org.tributary.live.playlist-test.cfg",
                    Map.of("path", "channel1", "items", "/sample.mp4;/sample.mov", "mode", "loop"))
            .withConfig("org.tributary.live.relay-dead.cfg",
                    Map.of("url", "rtsp://relayuser:relaysecret@127.0.0.1:" + closedPort() + "/live/gone",
                            "path", "dead", "reconnectSeconds", "1"));

    @BeforeClass
    public static void needsFfmpeg() {
        Tools.require("ffmpeg", "ffprobe");
    }

    private static int closedPort() {
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return gone.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> cell(String command, String keyColumn, String key, String column) {
        return ShellTables.cell(SERVER.client(command), keyColumn, key, column);
    }

    @Test
    public void mediaListsTheSampleMovieAndADamagedOneWithItsProblem() throws IOException {
        byte[] sample = Files.readAllBytes(SERVER.mediaDir().resolve("sample.mp4"));
        Files.write(SERVER.mediaDir().resolve("damaged.mp4"), Arrays.copyOf(sample, 3000));
        int mark = AccessAssertions.logMark(SERVER);

        ProcessResult listed = SERVER.client("stream:media");
        assertEquals(listed.describe(), Optional.of("H264, MPEG4-GENERIC"),
                ShellTables.cell(listed, "Path", "sample.mp4", "Codecs"));
        assertEquals(listed.describe(), Optional.of("0:00:10"), ShellTables.cell(listed, "Path", "sample.mp4", "Duration"));
        assertTrue(listed.describe(), ShellTables.cell(listed, "Path", "sample.mp4", "URL").orElse("")
                .endsWith(":" + SERVER.rtspPort() + "/sample.mp4"));
        assertFalse("the damaged movie's problem" + listed.describe(),
                ShellTables.cell(listed, "Path", "damaged.mp4", "Problem").orElse("").isEmpty());

        assertEquals(500, LiveClients.describeStatus(SERVER, "/damaged.mp4"));
        await("the refusal logged").atMost(SHOWN_WITHIN)
                .until(() -> SERVER.logText().substring(mark).contains("Cannot play"));
        long lines = SERVER.logText().substring(mark).lines()
                .filter(line -> line.contains("Cannot play") && line.contains("damaged.mp4")).count();
        assertEquals("warnings about the damaged movie:\n" + SERVER.logText().substring(mark), 1, lines);
    }

    @Test
    public void anAlwaysOnRelayOfADeadOriginShowsFailingWithoutItsCredentials() {
        AtomicReference<ProcessResult> listed = new AtomicReference<>();
        await("the dead relay failing").atMost(SHOWN_WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    listed.set(SERVER.client("stream:relays"));
                    return ShellTables.cell(listed.get(), "Path", "/live/dead", "Failures").map(Long::parseLong)
                            .orElse(0L) >= 3;
                });
        ProcessResult relays = listed.get();
        assertEquals(relays.describe(), Optional.of("FAILING"), ShellTables.cell(relays, "Path", "/live/dead", "State"));
        assertEquals(relays.describe(), Optional.of("always-on"), ShellTables.cell(relays, "Path", "/live/dead", "Mode"));
        assertFalse("last error" + relays.describe(),
                ShellTables.cell(relays, "Path", "/live/dead", "Last error").orElse("").isEmpty());
        assertFalse("no credentials shown" + relays.describe(), relays.stdout().contains("relaysecret"));
        long logged = SERVER.logText().lines().filter(line -> line.contains("relay dead from")).count();
        assertEquals("the relay's failures logged once, not per retry:\n" + SERVER.logText(), 1, logged);
        assertFalse("no credentials logged", SERVER.logText().contains("relaysecret"));
    }

    @Test
    public void playlistSkipStopAndStartFromTheShell() throws IOException {
        await(CHANNEL + " broadcasting").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> LiveClients.describeStatus(SERVER, CHANNEL) == 200);
        int mark = AccessAssertions.logMark(SERVER);
        // one shell call, so the listing follows the skip at once and not after a natural change of item
        ProcessResult skipped = SERVER.client("stream:playlist skip channel1 ; stream:playlists");
        Matcher item = Pattern.compile("skipped (/sample\\.mov|/sample\\.mp4)").matcher(skipped.stdout());
        assertTrue(skipped.describe(), item.find());
        String next = item.group(1).equals("/sample.mp4") ? "/sample.mov" : "/sample.mp4";
        assertEquals("the other item of the two is on now" + skipped.describe(), Optional.of(next),
                ShellTables.cell(skipped, "Path", "channel1", "Now"));
        Duration movedOn = Duration.between(loggedAt(mark, "skipped " + item.group(1)), loggedAt(mark, "playing " + next));
        assertTrue("the next item started " + movedOn + " after the skip", movedOn.compareTo(Duration.ofSeconds(2)) < 0);

        try (RunningCommand viewer = LiveClients.decode(SERVER.url(CHANNEL), "tcp", 60)) {
            // framecrc lines of decoded video frames start with "0,"
            await("the viewer decoding").atMost(SHOWN_WITHIN).pollInterval(Duration.ofMillis(200))
                    .until(() -> viewer.stdoutSoFar().lines().anyMatch(line -> line.startsWith("0,")));
            ProcessResult stopped = SERVER.client("stream:playlist stop channel1");
            assertTrue(stopped.describe(), stopped.stdout().contains("stopped"));
            ProcessResult ended = viewer.awaitExit(SHOWN_WITHIN);
            assertFalse("ffmpeg still playing after the stop" + ended.describe(), ended.timedOut());
        }
        assertEquals(404, LiveClients.describeStatus(SERVER, CHANNEL));
        assertEquals(Optional.of("no"), cell("stream:playlists", "Path", "channel1", "Running"));

        ProcessResult started = SERVER.client("stream:playlist start channel1");
        assertTrue(started.describe(), started.stdout().contains("started"));
        await(CHANNEL + " back").atMost(SHOWN_WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> LiveClients.describeStatus(SERVER, CHANNEL) == 200);
        assertEquals(Optional.of("yes"), cell("stream:playlists", "Path", "channel1", "Running"));
        ProcessResult probe = AccessAssertions.probe(SERVER.url(CHANNEL));
        assertTrue("ffprobe lists h264 and aac again" + probe.describe(), AccessAssertions.gotStreams(probe));
        ProcessResult unknown = SERVER.client("stream:playlist skip nosuch");
        assertTrue(unknown.describe(), (unknown.stdout() + unknown.stderr()).contains("No playlist nosuch"));
    }

    /** @return when karaf.log, past {@code mark}, first said {@code text} about the playlist */
    private static LocalDateTime loggedAt(int mark, String text) {
        String line = SERVER.logText().substring(mark).lines().filter(l -> l.contains("playlist channel1: " + text))
                .findFirst().orElseThrow(() -> new AssertionError("no log line 'playlist channel1: " + text + "'"));
        // lines start with an ISO time such as 2026-12-07T11:33:14,498
        return LocalDateTime.parse(line.substring(0, 23).replace(',', '.'));
    }
}
