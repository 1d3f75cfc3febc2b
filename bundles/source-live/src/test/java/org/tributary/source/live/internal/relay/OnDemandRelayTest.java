package org.tributary.source.live.internal.relay;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Rule;
import org.junit.Test;
import org.tributary.api.LivePresentation;
import org.tributary.api.LiveSubscription;
import org.tributary.api.LiveViewer;
import org.tributary.api.MediaException;
import org.tributary.api.MediaPresentation;
import org.tributary.source.live.internal.LiveMediaSource;
import org.tributary.source.live.internal.relay.FakeOrigin.Request;

/** The on-demand relay's life cycle against a fake origin, publishing into a real live source. */
public class OnDemandRelayTest {

    static final Duration CONNECT = Duration.ofSeconds(5);
    static final Duration RETRY = Duration.ofMillis(300);
    static final Duration IDLE = Duration.ofMillis(400);
    static final Duration SOON = Duration.ofSeconds(5);

    @Rule
    public final Closing closing = new Closing();
    private final LiveMediaSource live = new LiveMediaSource();

    private FakeOrigin origin() throws Exception {
        FakeOrigin origin = RelayTestSupport.origin(RelayTestSupport.mediaFrames(), true, null);
        closing.add(origin);
        return origin;
    }

    private OnDemandRelay relay(FakeOrigin origin) {
        return relay(live, "rtsp://127.0.0.1:" + origin.port() + "/live/cam1", CONNECT, closing);
    }

    /** @return an on-demand relay of {@code url} at /live/edge1, closed after the test */
    static OnDemandRelay relay(LiveMediaSource live, String url, Duration connect, Closing closing) {
        OnDemandRelay relay = new OnDemandRelay(live,
                new RelaySettings(OriginUrl.parse(url), "edge1", true, RETRY, connect, IDLE), "/live/edge1");
        closing.add(relay::close);
        return relay;
    }

    private static long count(FakeOrigin origin, String method) {
        return origin.requests().stream().filter(r -> r.method().equals(method)).count();
    }

    /** A viewer that only notes the end of the broadcast. */
    private static final class EndingViewer implements LiveViewer {
        final CountDownLatch ended = new CountDownLatch(1);

        @Override
        public void rtp(int track, ByteBuffer packet) {
        }

        @Override
        public void senderReport(int track, long ntpTimestamp, long rtpTimestamp) {
        }

        @Override
        public void ended() {
            ended.countDown();
        }
    }

    static LiveSubscription watch(MediaPresentation presentation) {
        return ((LivePresentation) presentation).subscribe(new EndingViewer());
    }

    @Test
    public void pullsNothingUntilAViewerOpensThePathThenPlaysTheOriginsTracks() throws Exception {
        FakeOrigin origin = origin();
        OnDemandRelay relay = relay(origin);
        await().during(Duration.ofMillis(500)).atMost(SOON).until(() -> origin.connections() == 0);
        assertTrue(live.broadcasts().isEmpty());
        assertTrue(relay.description(), relay.description().contains("idle"));

        MediaPresentation presentation = relay.open("");

        assertEquals(2, ((LivePresentation) presentation).trackCount());
        assertEquals("/live/edge1", live.broadcasts().get(0).path());
        assertEquals(List.of("DESCRIBE", "SETUP", "SETUP", "PLAY"),
                origin.requests().stream().map(Request::method).toList());
        assertTrue(relay.description(), relay.description().contains("pulling, 1 pulls"));
    }

    @Test
    public void concurrentViewersShareOnePull() throws Exception {
        FakeOrigin origin = origin();
        OnDemandRelay relay = relay(origin);
        ExecutorService viewers = Executors.newFixedThreadPool(4);
        closing.add(viewers::shutdownNow);
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<MediaPresentation>> opens = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            opens.add(() -> {
                go.await();
                return relay.open("");
            });
        }
        List<Future<MediaPresentation>> opened = opens.stream().map(viewers::submit).toList();
        go.countDown();
        for (Future<MediaPresentation> presentation : opened) {
            assertEquals(2, ((LivePresentation) presentation.get()).trackCount());
        }
        relay.open("");
        assertEquals(1, origin.connections());
        assertEquals(1, count(origin, "DESCRIBE"));
        assertEquals(1, live.broadcasts().size());
    }

    @Test
    public void stopsIdleTimeAfterTheLastViewerLeft() throws Exception {
        FakeOrigin origin = origin();
        OnDemandRelay relay = relay(origin);
        LiveSubscription first = watch(relay.open(""));
        LiveSubscription second = watch(relay.open(""));
        await().atMost(SOON).until(() -> live.broadcasts().get(0).viewers() == 2);
        first.cancel();
        // one viewer keeps it going well past the idle time
        await().during(IDLE.multipliedBy(3)).atMost(SOON).until(() -> count(origin, "TEARDOWN") == 0);
        long left = System.nanoTime();
        second.cancel();

        await().atMost(SOON).until(() -> count(origin, "TEARDOWN") == 1 && live.broadcasts().isEmpty());
        assertTrue("stopped before the idle time", System.nanoTime() - left >= IDLE.toNanos());
        assertTrue(relay.description(), relay.description().contains("idle"));
    }

    @Test
    public void stopsAfterAnOpenThatNoViewerFollowed() throws Exception {
        FakeOrigin origin = origin();
        OnDemandRelay relay = relay(origin);
        long opened = System.nanoTime();
        relay.open("");
        await().atMost(SOON).until(() -> count(origin, "TEARDOWN") == 1 && live.broadcasts().isEmpty());
        assertTrue("stopped before the idle time", System.nanoTime() - opened >= IDLE.toNanos());
    }

    @Test
    public void theNextViewerPullsAgain() throws Exception {
        FakeOrigin origin = origin();
        OnDemandRelay relay = relay(origin);
        MediaPresentation first = relay.open("");
        await().atMost(SOON).until(() -> count(origin, "TEARDOWN") == 1 && live.broadcasts().isEmpty());

        MediaPresentation second = relay.open("");

        assertNotSame(first, second);
        assertEquals(2, origin.connections());
        assertEquals(2, count(origin, "PLAY"));
        assertEquals(1, live.broadcasts().size());
        assertTrue(relay.description(), relay.description().contains("pulling, 2 pulls, 0 failed"));
    }

    @Test
    public void closingWhilePullingEndsViewersTearsDownAndRefusesNewViewers() throws Exception {
        FakeOrigin origin = origin();
        OnDemandRelay relay = relay(origin);
        EndingViewer viewer = new EndingViewer();
        ((LivePresentation) relay.open("")).subscribe(viewer);
        // closing with frames still unread would reset the connection, and the origin could miss the TEARDOWN
        await().atMost(SOON).until(() -> live.broadcasts().get(0).packetsIn() == 2);

        relay.close();

        assertEquals("the viewer was told the broadcast ended", 0, viewer.ended.getCount());
        assertTrue(live.broadcasts().isEmpty());
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("tributary-relay-") && t.isAlive()));
        await().atMost(SOON).until(() -> count(origin, "TEARDOWN") == 1);
        MediaException refused = assertThrows(MediaException.class, () -> relay.open(""));
        assertEquals(MediaException.Reason.NOT_FOUND, refused.reason());
        assertEquals(1, origin.connections());
    }

    @Test
    public void servesOnlyItsOwnPath() throws Exception {
        FakeOrigin origin = origin();
        OnDemandRelay relay = relay(origin);
        MediaException below = assertThrows(MediaException.class, () -> relay.open("trackID=1/x"));
        assertEquals(MediaException.Reason.NOT_FOUND, below.reason());
        assertEquals(0, origin.connections());
    }

    @Test
    public void checksForViewersEveryQuarterOfTheIdleTimeWithinBounds() {
        assertEquals(Duration.ofMillis(100), OnDemandRelay.checkPeriod(Duration.ofMillis(400)));
        assertEquals(Duration.ofMillis(10), OnDemandRelay.checkPeriod(Duration.ofMillis(1)));
        assertEquals(Duration.ofSeconds(1), OnDemandRelay.checkPeriod(Duration.ofSeconds(30)));
    }
}
