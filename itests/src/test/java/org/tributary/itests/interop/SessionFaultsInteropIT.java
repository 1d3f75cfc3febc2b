package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.tributary.itests.interop.LiveClients.BROADCASTER;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.InterleavedSession;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.ServerVitals;
import org.tributary.itests.support.ServerVitals.Vitals;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Clients that vanish: a viewer killed without TEARDOWN (UDP) or gone silent on its open connection (TCP)
 * is reclaimed with its ports by the session timeout; a publisher killed mid-stream or stalled (SIGSTOP:
 * its connection stays open and carries nothing) ends its viewers cleanly and leaves the path free for the
 * next publisher. Each time a bystander, an ffmpeg viewer of another movie started before the fault, plays
 * every packet. The session timeout is 10 s here, the publisher timeout 5 s, and every viewer track binds its
 * own UDP pair, so freed ports show.
 */
public class SessionFaultsInteropIT {

    /** Above ffmpeg's 5 s RTCP report interval, so that a live viewer over UDP is never reclaimed. */
    private static final int TIMEOUT_SECONDS = 10;
    private static final int PUBLISHER_TIMEOUT_SECONDS = 5;

    @ClassRule
    public static final TributaryDistribution SERVER = LiveClients.withBroadcaster(new TributaryDistribution())
            .withConfig("org.tributary.rtsp.cfg", Map.of("sessionTimeout", Integer.toString(TIMEOUT_SECONDS),
                    "udpSocketsShared", "false"))
            .withConfig("org.tributary.source.live.cfg", Map.of("publisherTimeout",
                    Integer.toString(PUBLISHER_TIMEOUT_SECONDS)));

    /** The timeout, the timer's tick and room for a loaded machine. */
    private static final Duration RECLAIMED_WITHIN = Duration.ofSeconds(TIMEOUT_SECONDS + 8);
    private static final Duration COUNTED_WITHIN = Duration.ofSeconds(15);
    private static final int BYSTANDER_SECONDS = 20;
    /** Outlives the reclaim, whose check counts the bystander's session. */
    private static final int RECLAIM_BYSTANDER_SECONDS = 30;
    /** A viewer track's own RTP and RTCP sockets, for video and audio. */
    private static final int UDP_SOCKETS_PER_VIEWER = 4;

    @Before
    public void needsFfmpeg() {
        Tools.require("ffmpeg");
    }

    @Test
    public void udpViewerKilledWithoutTeardownIsReclaimedWithItsPorts() throws IOException {
        try (Bystander bystander = Bystander.start(SERVER, RECLAIM_BYSTANDER_SECONDS, "tcp");
                ServerVitals vitals = new ServerVitals(SERVER)) {
            Vitals before = awaitSessions(vitals, 1);
            try (RunningCommand viewer = LiveClients.decode(SERVER.url("sample.mp4"), "udp", -1)) {
                await("the UDP viewer's session and its " + UDP_SOCKETS_PER_VIEWER + " sockets")
                        .atMost(COUNTED_WITHIN).until(vitals::sample, now -> now.sessions() == before.sessions() + 1
                                && now.udpSockets() == before.udpSockets() + UDP_SOCKETS_PER_VIEWER);
                int mark = AccessAssertions.logMark(SERVER);
                viewer.kill();
                assertReclaimed(vitals, before, Instant.now());
                AccessAssertions.awaitLogLine(SERVER, mark, "timed out after " + TIMEOUT_SECONDS + " s");
            }
            bystander.assertPlayedEveryPacket();
        }
    }

    @Test
    public void tcpViewerGoneSilentOnItsOpenConnectionIsReclaimed() throws IOException {
        try (Bystander bystander = Bystander.start(SERVER, RECLAIM_BYSTANDER_SECONDS, "udp");
                ServerVitals vitals = new ServerVitals(SERVER)) {
            Vitals before = awaitSessions(vitals, 1);
            try (RtspTestClient client = new RtspTestClient("127.0.0.1", SERVER.rtspPort())) {
                InterleavedSession session = InterleavedSession.setUp(client, SERVER.url("sample.mp4"));
                session.play();
                assertNotNull("an interleaved frame after PLAY", client.readFrame(Duration.ofSeconds(5)));
                int mark = AccessAssertions.logMark(SERVER);
                // from now on the client neither reads nor writes: its connection stays open
                assertReclaimed(vitals, before, Instant.now());
                AccessAssertions.awaitLogLine(SERVER, mark, "timed out after " + TIMEOUT_SECONDS + " s");
            }
            bystander.assertPlayedEveryPacket();
        }
    }

    @Test
    public void killedPublisherEndsItsViewersAndFreesThePath() throws IOException {
        publisherFault("/live/killed-tcp", RunningCommand::kill);
    }

    @Test
    public void stalledPublisherEndsItsViewersAfterThePublisherTimeoutAndFreesThePath() throws IOException {
        publisherFault("/live/stalled", publisher -> publisher.pause(true));
    }

    /**
     * A looping TCP publisher of {@code path} and an ffmpeg viewer of it; {@code fault} strikes the publisher;
     * the viewer must end cleanly within the publisher timeout, the bystander play on, and a new publisher
     * of {@code path} (while the faulty one is still stopped, if it was) be seen by a new viewer.
     */
    private static void publisherFault(String path, Consumer<RunningCommand> fault) throws IOException {
        Tools.require("ffmpeg");
        try (Bystander bystander = Bystander.start(SERVER, BYSTANDER_SECONDS, "udp");
                RunningCommand publisher = LiveClients.publish(movie(), BROADCASTER.url(SERVER, path), "tcp", true)) {
            LiveClients.awaitPublished(SERVER, path, publisher);
            try (RunningCommand viewer = LiveClients.decode(SERVER.url(path), "udp", -1)) {
                LiveClients.awaitDecoding(25, viewer);
                assertTrue("the publisher of " + path + " ended by itself", publisher.isAlive());
                fault.accept(publisher);
                ProcessResult seen = viewer.awaitExit(RECLAIMED_WITHIN);
                assertFalse("the viewer of " + path + " still plays " + RECLAIMED_WITHIN.toSeconds()
                        + " s after the fault" + seen.describe() + SERVER.recentLog(), seen.timedOut());
                LiveClients.assertDecodedCleanly("viewer of " + path, seen, 25);
            }
            await(path + " off the air").atMost(RECLAIMED_WITHIN).pollInterval(Duration.ofMillis(200))
                    .until(() -> LiveClients.describeStatus(SERVER, path) == 404);
            try (RunningCommand next = LiveClients.publish(movie(), BROADCASTER.url(SERVER, path), "tcp", true)) {
                LiveClients.awaitPublished(SERVER, path, next);
                try (RunningCommand viewer = LiveClients.decode(SERVER.url(path), "tcp", 3)) {
                    LiveClients.assertDecodedCleanly("viewer of the next publisher of " + path,
                            viewer.awaitExit(LiveClients.VIEWER_TIMEOUT), 50);
                }
            }
            bystander.assertPlayedEveryPacket();
        }
    }

    private static Vitals awaitSessions(ServerVitals vitals, long sessions) {
        return await("the bystander's session counted").atMost(COUNTED_WITHIN)
                .until(vitals::sample, now -> now.sessions() == sessions);
    }

    private static void assertReclaimed(ServerVitals vitals, Vitals before, Instant gone) {
        Vitals after = await("the vanished viewer's session and sockets freed").atMost(RECLAIMED_WITHIN)
                .until(vitals::sample, now -> now.sessions() == before.sessions()
                        && now.udpSockets() == before.udpSockets());
        Duration took = Duration.between(gone, Instant.now());
        assertTrue("reclaimed after " + took.toMillis() + " ms, before the " + TIMEOUT_SECONDS + " s timeout: "
                + after, took.compareTo(Duration.ofSeconds(TIMEOUT_SECONDS - 1)) >= 0);
    }

    private static Path movie() {
        return SERVER.mediaDir().resolve("sample.mp4");
    }
}
