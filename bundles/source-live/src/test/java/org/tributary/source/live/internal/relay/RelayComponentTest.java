package org.tributary.source.live.internal.relay;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Rule;
import org.junit.Test;
import org.tributary.api.BroadcastInfo;
import org.tributary.source.live.internal.LiveMediaSource;
import org.tributary.source.live.internal.relay.FakeOrigin.Request;

/** The relay against a fake origin on 127.0.0.1. */
public class RelayComponentTest {

    private static final byte[] BYE = {(byte) 0x81, (byte) 203, 0, 1, 0, 0, 0, 1};

    @Rule
    public final Closing closing = new Closing();
    private final FakeLiveSource source = new FakeLiveSource();

    private FakeOrigin origin(List<byte[]> frames, boolean keepOpen, String challenge) throws Exception {
        FakeOrigin origin = RelayTestSupport.origin(frames, keepOpen, challenge);
        closing.add(origin);
        return origin;
    }

    private RelayComponent relay(org.tributary.api.LiveSource target, String url) {
        RelayComponent relay = new RelayComponent(target);
        relay.open(OriginUrl.parse(url), "edge1", Duration.ofMillis(50));
        closing.add(relay::close);
        return relay;
    }

    private static void assertStopped(RelayComponent relay) {
        assertFalse(relay.thread().isAlive());
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("tributary-relay-edge1") && t.isAlive()));
    }

    @Test
    public void publishesTheOriginsSdpForwardsFramesByTrackAndTearsDown() throws Exception {
        FakeOrigin origin = origin(RelayTestSupport.mediaFrames(), true, null);
        String url = "rtsp://127.0.0.1:" + origin.port() + "/live/cam1";
        RelayComponent relay = relay(source, url);
        await().atMost(5, TimeUnit.SECONDS).until(() -> source.publications.size() == 1
                && source.publications.get(0).packets.size() == 4);
        FakeLiveSource.Published published = source.publications.get(0);
        assertEquals("edge1", published.path);
        assertEquals(RelayTestSupport.resource("origin-describe.sdp"), published.sdp);
        assertEquals("relay from " + url, published.publisher);
        assertEquals(List.of("rtp 0 80600001000000000000000165", "rtp 1 80610002000000000000000121",
                "rtcp 0 80c9000100000007", "rtcp 1 80c9000100000007"), published.packets);

        List<Request> requests = origin.requests();
        assertEquals(List.of("DESCRIBE " + url, "SETUP " + url + "/trackID=1", "SETUP " + url + "/trackID=2",
                "PLAY " + url + "/"), requests.stream().map(r -> r.method() + " " + r.uri()).toList());
        assertEquals("application/sdp", requests.get(0).header("accept"));
        assertEquals("RTP/AVP/TCP;unicast;interleaved=0-1", requests.get(1).header("transport"));
        assertEquals("RTP/AVP/TCP;unicast;interleaved=2-3", requests.get(2).header("transport"));
        assertNull(requests.get(1).header("session"));
        assertEquals(FakeOrigin.SESSION, requests.get(2).header("session"));
        assertEquals(FakeOrigin.SESSION, requests.get(3).header("session"));
        assertEquals(List.of("1", "2", "3", "4"), requests.stream().map(r -> r.header("cseq")).toList());
        assertFalse(published.closed);

        relay.close();
        assertStopped(relay);
        assertTrue(published.closed);
        await().atMost(5, TimeUnit.SECONDS).until(() -> origin.requests().size() == 5);
        Request teardown = origin.requests().get(4);
        assertEquals("TEARDOWN " + url + "/", teardown.method() + " " + teardown.uri());
        assertEquals(FakeOrigin.SESSION, teardown.header("session"));
        assertEquals(1, origin.connections());
    }

    @Test
    public void pullsAgainAfterTheOriginCloses() throws Exception {
        FakeOrigin origin = origin(RelayTestSupport.mediaFrames(), false, null);
        RelayComponent relay = relay(source, "rtsp://127.0.0.1:" + origin.port() + "/live/cam1");
        await().atMost(5, TimeUnit.SECONDS).until(() -> source.publications.size() >= 3);
        assertTrue(source.publications.get(0).closed);
        assertTrue(source.publications.get(1).closed);
        assertTrue(origin.connections() >= 3);
        relay.close();
        assertStopped(relay);
        assertTrue(source.publications.stream().allMatch(p -> p.closed));
    }

    @Test
    public void anRtcpByeEndsTheLocalBroadcast() throws Exception {
        List<byte[]> frames = new ArrayList<>(RelayTestSupport.mediaFrames());
        frames.add(RelayTestSupport.frame(1, BYE));
        FakeOrigin origin = origin(frames, true, null);
        RelayComponent relay = relay(source, "rtsp://127.0.0.1:" + origin.port() + "/live/cam1");
        await().atMost(5, TimeUnit.SECONDS).until(() -> !source.publications.isEmpty()
                && source.publications.get(0).closed);
        assertEquals(5, source.publications.get(0).packets.size());
        relay.close();
        assertStopped(relay);
    }

    @Test
    public void answersADigestChallengeWithQop() throws Exception {
        assertDigestAccepted("Digest realm=\"" + FakeOrigin.REALM + "\", nonce=\"" + FakeOrigin.NONCE
                + "\", qop=\"auth\", algorithm=MD5");
    }

    @Test
    public void answersADigestChallengeWithoutQop() throws Exception {
        assertDigestAccepted("Digest realm=\"" + FakeOrigin.REALM + "\", nonce=\"" + FakeOrigin.NONCE + "\"");
    }

    private void assertDigestAccepted(String challenge) throws Exception {
        FakeOrigin origin = origin(RelayTestSupport.mediaFrames(), true, challenge);
        String url = "rtsp://127.0.0.1:" + origin.port() + "/live/cam1";
        RelayComponent relay = relay(source, "rtsp://bob:s3cret@127.0.0.1:" + origin.port() + "/live/cam1");
        // the fake origin answers 401 to every request whose Digest response is not the expected one
        await().atMost(5, TimeUnit.SECONDS).until(() -> source.publications.size() == 1
                && source.publications.get(0).packets.size() == 4);
        List<Request> requests = origin.requests();
        assertEquals(List.of("DESCRIBE", "DESCRIBE", "SETUP", "SETUP", "PLAY"),
                requests.stream().map(Request::method).toList());
        assertNull(requests.get(0).header("authorization"));
        assertNotNull(requests.get(1).header("authorization"));
        assertEquals("relay from " + url, source.publications.get(0).publisher);
        assertTrue(requests.stream().noneMatch(r -> r.uri().contains("s3cret")));
        relay.close();
        assertStopped(relay);
    }

    @Test
    public void aWrongPasswordPublishesNothing() throws Exception {
        FakeOrigin origin = origin(RelayTestSupport.mediaFrames(), true, "Digest realm=\"" + FakeOrigin.REALM + "\", nonce=\""
                + FakeOrigin.NONCE + "\", qop=\"auth\"");
        RelayComponent relay = relay(source, "rtsp://bob:wrong@127.0.0.1:" + origin.port() + "/live/cam1");
        await().atMost(5, TimeUnit.SECONDS).until(() -> origin.connections() >= 2);
        assertTrue(source.publications.isEmpty());
        relay.close();
        assertStopped(relay);
    }

    @Test
    public void theLiveSourceAcceptsTheOriginsSdp() throws Exception {
        FakeOrigin origin = origin(RelayTestSupport.mediaFrames(), true, null);
        LiveMediaSource live = new LiveMediaSource();
        RelayComponent relay = relay(live, "rtsp://127.0.0.1:" + origin.port() + "/live/cam1");
        await().atMost(5, TimeUnit.SECONDS).until(() -> live.broadcasts().size() == 1
                && live.broadcasts().get(0).packetsIn() == 2);
        BroadcastInfo broadcast = live.broadcasts().get(0);
        assertEquals("/live/edge1", broadcast.path());
        relay.close();
        assertStopped(relay);
        assertTrue(live.broadcasts().isEmpty());
    }
}
