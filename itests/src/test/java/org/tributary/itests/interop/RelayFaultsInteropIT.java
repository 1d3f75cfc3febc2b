package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertFalse;
import static org.tributary.itests.interop.LiveClients.BROADCASTER;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * An origin that dies (SIGKILL of its JVM) under an edge that relays its {@code /live/cam1} twice, always on
 * ({@code /live/always}) and on demand ({@code /live/demand}): the edge's viewers of both end cleanly, the
 * edge logs the lost origin and keeps trying, a bystander of one of the edge's own movies plays every
 * packet, and once the origin is back with a publisher both relays serve again.
 */
public class RelayFaultsInteropIT {

    @ClassRule
    public static final TributaryDistribution ORIGIN = LiveClients.withBroadcaster(new TributaryDistribution());

    private static final String ORIGIN_PATH = "/live/cam1";
    private static final long MIN_FRAMES = 50;
    private static final Duration ENDS_WITHIN = Duration.ofSeconds(30);
    private static final int BYSTANDER_SECONDS = 40;

    @Test
    public void relayViewersEndCleanlyWhenTheOriginDiesAndTheRelaysServeOnceItIsBack() throws IOException {
        Tools.require("ffmpeg");
        String origin = BROADCASTER.url(ORIGIN, ORIGIN_PATH);
        // the edge's relays need the origin's port, known once it started: the edge is started here
        try (TributaryDistribution edge = new TributaryDistribution()
                .withConfig("org.tributary.live.relay-always.cfg",
                        Map.of("url", origin, "path", "always", "reconnectSeconds", "1"))
                .withConfig("org.tributary.live.relay-demand.cfg",
                        Map.of("url", origin, "path", "demand", "mode", "ondemand", "connectSeconds", "5"))) {
            edge.start();
            originDiesUnder(edge);
        }
    }

    private static void originDiesUnder(TributaryDistribution edge) throws IOException {
        int mark = AccessAssertions.logMark(edge);
        try (Bystander bystander = Bystander.start(edge, BYSTANDER_SECONDS, "udp")) {
            try (RunningCommand publisher = publish()) {
                LiveClients.awaitPublished(edge, "/live/always", publisher);
                try (RunningCommand always = LiveClients.decode(edge.url("/live/always"), "tcp", -1);
                        RunningCommand demand = LiveClients.decode(edge.url("/live/demand"), "tcp", -1)) {
                    LiveClients.awaitDecoding(MIN_FRAMES, always, demand);
                    ORIGIN.killAndRestart();
                    assertEndedCleanly(edge, "viewer of the always-on relay", always.awaitExit(ENDS_WITHIN));
                    assertEndedCleanly(edge, "viewer of the on-demand relay", demand.awaitExit(ENDS_WITHIN));
                }
            }
            AccessAssertions.awaitLogLine(edge, mark, ORIGIN_PATH);
            try (RunningCommand publisher = publish()) {
                LiveClients.awaitPublished(ORIGIN, ORIGIN_PATH, publisher);
                await("the always-on relay back on the air").atMost(ENDS_WITHIN).pollInterval(Duration.ofMillis(500))
                        .until(() -> LiveClients.describeStatus(edge, "/live/always") == 200);
                for (String path : new String[] {"/live/always", "/live/demand"}) {
                    try (RunningCommand viewer = LiveClients.decode(edge.url(path), "tcp", 3)) {
                        LiveClients.assertDecodedCleanly("viewer of " + path + " once the origin is back",
                                viewer.awaitExit(LiveClients.VIEWER_TIMEOUT), MIN_FRAMES);
                    }
                }
            }
            bystander.assertPlayedEveryPacket();
        }
    }

    private static void assertEndedCleanly(TributaryDistribution edge, String viewer, ProcessResult seen) {
        assertFalse(viewer + " still plays " + ENDS_WITHIN.toSeconds() + " s after the origin died" + seen.describe()
                + edge.recentLog(), seen.timedOut());
        LiveClients.assertDecodedCleanly(viewer, seen, MIN_FRAMES);
    }

    private static RunningCommand publish() {
        return LiveClients.publish(ORIGIN.mediaDir().resolve("sample.mp4"), BROADCASTER.url(ORIGIN, ORIGIN_PATH),
                "tcp", true);
    }
}
