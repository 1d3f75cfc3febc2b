package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.tributary.itests.interop.LiveClients.BROADCASTER;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.OpenSockets;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Ended means ended, for ffmpeg publishers: {@code stream:kick} of a publisher over TCP closes its
 * connection (ffmpeg exits), of a publisher over UDP releases its ports (and closes its connection);
 * stopping the live source ends its publishers with their connections, and after it starts again a
 * publisher publishes and a viewer plays.
 */
public class PublisherEndInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = LiveClients.withBroadcaster(new TributaryDistribution());

    /** How long an encoder may take to notice its connection closed, on a loaded machine. */
    private static final Duration NOTICED_WITHIN = Duration.ofSeconds(15);

    @BeforeClass
    public static void requireFfmpeg() {
        Tools.require("ffmpeg");
    }

    @Test
    public void kickedTcpPublisherLosesItsConnectionAndItsEncoderExits() throws IOException {
        String path = "/live/kick-tcp";
        int mark = AccessAssertions.logMark(SERVER);
        try (RunningCommand publisher = LiveClients.publish(movie(), BROADCASTER.url(SERVER, path), "tcp", true)) {
            LiveClients.awaitPublished(SERVER, path, publisher);
            kick(path, mark);
            ProcessResult ended = publisher.awaitExit(NOTICED_WITHIN);
            assertFalse("ffmpeg still publishing " + NOTICED_WITHIN.toSeconds() + " s after the kick" + ended.describe(),
                    ended.timedOut());
        }
        assertEquals("DESCRIBE after the kick", 404, LiveClients.describeStatus(SERVER, path));
    }

    @Test
    public void kickedUdpPublisherLosesItsPortsAndItsConnection() throws IOException {
        String path = "/live/kick-udp";
        int mark = AccessAssertions.logMark(SERVER);
        int[] range = SERVER.rtpPortRange();
        long server = SERVER.pid();
        long before = OpenSockets.udpSocketsOf(server, range[0], range[1]);
        try (RunningCommand publisher = LiveClients.publish(movie(), BROADCASTER.url(SERVER, path), "udp", true)) {
            LiveClients.awaitPublished(SERVER, path, publisher);
            AccessAssertions.awaitLogLine(SERVER, mark, " records " + path);
            assertEquals("a port pair per track", before + 4, OpenSockets.udpSocketsOf(server, range[0], range[1]));
            kick(path, mark);
            await("the publisher's UDP ports released").atMost(NOTICED_WITHIN)
                    .until(() -> OpenSockets.udpSocketsOf(server, range[0], range[1]) == before);
            ProcessResult ended = publisher.awaitExit(NOTICED_WITHIN);
            assertFalse("ffmpeg still publishing " + NOTICED_WITHIN.toSeconds() + " s after the kick" + ended.describe(),
                    ended.timedOut());
        }
    }

    @Test
    public void stoppingTheLiveSourceEndsItsPublishersAndAfterItStartsANewOnePublishes() throws IOException {
        String path = "/live/swap";
        try (RunningCommand publisher = LiveClients.publish(movie(), BROADCASTER.url(SERVER, path), "tcp", true)) {
            LiveClients.awaitPublished(SERVER, path, publisher);
            try {
                ProcessResult stopped = SERVER.client("bundle:stop tributary-source-live");
                assertEquals("bundle:stop" + stopped.describe(), 0, stopped.exitCode());
                ProcessResult ended = publisher.awaitExit(NOTICED_WITHIN);
                assertFalse("ffmpeg still publishing " + NOTICED_WITHIN.toSeconds() + " s after the live source stopped"
                        + ended.describe(), ended.timedOut());
                assertEquals("the publisher's session", Optional.empty(), session(path));
            } finally {
                SERVER.client("bundle:start tributary-source-live");
            }
        }
        try (RunningCommand again = LiveClients.publish(movie(), BROADCASTER.url(SERVER, path), "tcp", true)) {
            LiveClients.awaitPublished(SERVER, path, again);
            try (RunningCommand viewer = LiveClients.decode(SERVER.url(path), "tcp", 4)) {
                LiveClients.assertDecodedCleanly("viewer after the live source started again",
                        viewer.awaitExit(LiveClients.VIEWER_TIMEOUT), 50);
            }
            assertTrue("the publisher goes on after the viewer left", again.isAlive());
        }
    }

    /** Kicks the session publishing {@code path}, named in the log line of its RECORD past {@code mark}. */
    private static void kick(String path, int mark) {
        AccessAssertions.awaitLogLine(SERVER, mark, " records " + path);
        Matcher recording = Pattern.compile("Publishing session (\\w+) of \\S+ records " + Pattern.quote(path))
                .matcher(SERVER.logText().substring(mark));
        assertTrue("karaf.log names no session recording " + path, recording.find());
        String id = recording.group(1);
        ProcessResult kicked = SERVER.client("stream:kick " + id);
        assertTrue("stream:kick " + id + kicked.describe(), kicked.stdout().contains("Ended session " + id));
    }

    /** @return the id of the first session of {@code path} in {@code stream:sessions} */
    private static Optional<String> session(String path) {
        return ShellTables.cell(SERVER.client("stream:sessions"), "Path", path, "Id");
    }

    private static Path movie() {
        return SERVER.mediaDir().resolve("sample.mp4");
    }
}
