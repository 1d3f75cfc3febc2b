package org.tributary.source.live.internal.relay;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.Rule;
import org.junit.Test;
import org.tributary.api.MediaException;
import org.tributary.source.live.internal.LiveMediaSource;

/** An on-demand relay whose origin cannot be pulled: viewers get NOT_FOUND in bounded time, naming it. */
public class OnDemandRelayFailureTest {

    private static final Duration SHORT_CONNECT = Duration.ofMillis(600);

    @Rule
    public final Closing closing = new Closing();
    private final LiveMediaSource live = new LiveMediaSource();

    /** @return a listening socket that never accepts: connecting works, no answer ever comes */
    private ServerSocket silentOrigin() throws Exception {
        ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        closing.add(silent);
        return silent;
    }

    private static MediaException refused(OnDemandRelay relay) {
        MediaException refused = assertThrows(MediaException.class, () -> relay.open(""));
        assertEquals(MediaException.Reason.NOT_FOUND, refused.reason());
        return refused;
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @Test
    public void aRefusedConnectionAnswersAtOnceNamingTheOriginAndTheCause() throws Exception {
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = gone.getLocalPort();
        }
        OnDemandRelay relay = OnDemandRelayTest.relay(live, "rtsp://bob:s3cret@127.0.0.1:" + closedPort + "/live/cam1",
                OnDemandRelayTest.CONNECT, closing);
        long start = System.nanoTime();

        MediaException refused = refused(relay);

        assertTrue("took " + millisSince(start) + " ms", millisSince(start) < OnDemandRelayTest.CONNECT.toMillis());
        String message = refused.getMessage();
        assertTrue(message, message.contains("rtsp://127.0.0.1:" + closedPort + "/live/cam1"));
        assertTrue(message, message.contains("refused"));
        assertTrue("credentials stay out of messages: " + message, !message.contains("s3cret"));
        assertTrue(live.broadcasts().isEmpty());
        assertTrue(relay.description(), relay.description().contains("1 failed"));
    }

    @Test
    public void aSilentOriginAnswersWithinTheConnectTimeThenAtOnceUntilTheRetryDelayPassed() throws Exception {
        ServerSocket origin = silentOrigin();
        // a retry delay that a busy machine cannot outlast between two refusals
        Duration retry = Duration.ofSeconds(2);
        OnDemandRelay relay = new OnDemandRelay(live, new RelaySettings(
                OriginUrl.parse("rtsp://127.0.0.1:" + origin.getLocalPort() + "/x"), "edge1", true, retry,
                SHORT_CONNECT, OnDemandRelayTest.IDLE), "/live/edge1");
        closing.add(relay::close);
        long start = System.nanoTime();

        MediaException first = refused(relay);

        long waited = millisSince(start);
        assertTrue("waited " + waited + " ms", waited >= SHORT_CONNECT.toMillis() && waited < 10_000);
        assertTrue(first.getMessage(), first.getMessage().contains("did not play within"));
        MediaException second = refused(relay);
        assertEquals(first.getMessage(), second.getMessage());
        assertTrue("a failed origin is not asked again at once: " + relay.description(),
                relay.description().contains("1 pulls, 1 failed"));

        await().pollDelay(retry).atMost(retry.plus(OnDemandRelayTest.SOON)).until(() -> true);
        long retried = System.nanoTime();
        refused(relay);
        assertTrue("after the retry delay the origin is asked again", millisSince(retried) >= SHORT_CONNECT.toMillis());
        assertTrue(relay.description(), relay.description().contains("2 pulls, 2 failed"));
    }

    @Test
    public void closingTheRelayReleasesAViewerWaitingForTheOrigin() throws Exception {
        ServerSocket origin = silentOrigin();
        OnDemandRelay relay = OnDemandRelayTest.relay(live, "rtsp://127.0.0.1:" + origin.getLocalPort() + "/x",
                Duration.ofSeconds(30), closing);
        CompletableFuture<Object> viewer = CompletableFuture.supplyAsync(() -> {
            try {
                return relay.open("");
            } catch (MediaException e) {
                return e;
            }
        });
        await().atMost(OnDemandRelayTest.SOON).until(() -> relay.description().contains("pulling"));
        long start = System.nanoTime();

        relay.close();

        Object answer = viewer.get(5, TimeUnit.SECONDS);
        assertTrue("the viewer waited " + millisSince(start) + " ms", millisSince(start) < 5_000);
        assertTrue(String.valueOf(answer), answer instanceof MediaException);
        assertTrue(((MediaException) answer).getMessage(), ((MediaException) answer).getMessage().contains("stopped"));
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("tributary-relay-") && t.isAlive()));
    }

    @Test
    public void aFailingOriginDoesNotDisturbAnotherRelay() throws Exception {
        FakeOrigin good = RelayTestSupport.origin(RelayTestSupport.mediaFrames(), true, null);
        closing.add(good);
        ServerSocket silent = silentOrigin();
        OnDemandRelay working = OnDemandRelayTest.relay(live, "rtsp://127.0.0.1:" + good.port() + "/live/cam1",
                OnDemandRelayTest.CONNECT, closing);
        OnDemandRelay failing = new OnDemandRelay(live, new RelaySettings(
                OriginUrl.parse("rtsp://127.0.0.1:" + silent.getLocalPort() + "/x"), "edge2", true,
                OnDemandRelayTest.RETRY, SHORT_CONNECT, OnDemandRelayTest.IDLE), "/live/edge2");
        closing.add(failing::close);
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> refused(failing));

        OnDemandRelayTest.watch(working.open(""));

        try {
            waiting.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
        assertEquals(List.of("/live/edge1"), live.broadcasts().stream().map(b -> b.path()).toList());
    }
}
