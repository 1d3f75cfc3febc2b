package org.tributary.source.live.internal.relay;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.Rule;
import org.junit.Test;
import org.tributary.api.MediaException;
import org.tributary.api.RelayInfo;
import org.tributary.source.live.internal.LiveMediaSource;

/** What management sees of a relay: its path, origin without credentials, mode, state, failures, last error. */
public class RelayInfoTest {

    @Rule
    public final Closing closing = new Closing();
    private final FakeLiveSource source = new FakeLiveSource();

    private static int closedPort() throws Exception {
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return gone.getLocalPort();
        }
    }

    private RelayComponent alwaysOn(String url) {
        RelayComponent relay = new RelayComponent(source);
        relay.open(OriginUrl.parse(url), "edge1", Duration.ofMillis(50));
        closing.add(relay::close);
        return relay;
    }

    @Test
    public void anAlwaysOnRelayToADeadOriginShowsFailingWithItsFailuresAndLastError() throws Exception {
        RelayComponent relay = alwaysOn("rtsp://bob:s3cret@127.0.0.1:" + closedPort() + "/live/cam1");

        await().atMost(5, TimeUnit.SECONDS).until(() -> relay.info().failures() >= 3);
        RelayInfo info = relay.info();
        assertEquals("/live/edge1", info.path());
        assertEquals("always-on", info.mode());
        assertEquals("FAILING", info.state());
        assertFalse("no credentials in " + info, info.toString().contains("s3cret") || info.toString().contains("bob"));
        assertTrue(info.origin(), info.origin().startsWith("rtsp://127.0.0.1:") && info.origin().endsWith("/live/cam1"));
        assertFalse(info.lastError().isEmpty());
        assertFalse(info.lastError().contains("\n"));

        relay.close();
        assertEquals("STOPPED", relay.info().state());
    }

    @Test
    public void aPullingRelayForgetsItsFailures() throws Exception {
        FakeOrigin origin = RelayTestSupport.origin(RelayTestSupport.mediaFrames(), true, null);
        closing.add(origin);
        RelayComponent relay = alwaysOn("rtsp://bob:s3cret@127.0.0.1:" + origin.port() + "/live/cam1");

        await().atMost(5, TimeUnit.SECONDS).until(() -> relay.info().state().equals("PULLING"));
        assertEquals(0, relay.info().failures());
        assertEquals("", relay.info().lastError());
    }

    @Test
    public void anOnDemandRelayIsIdleUntilAViewerAsksThenFailingWhenTheOriginIsDead() throws Exception {
        LiveMediaSource live = new LiveMediaSource();
        OnDemandRelay relay = OnDemandRelayTest.relay(live, "rtsp://bob:s3cret@127.0.0.1:" + closedPort() + "/x",
                Duration.ofSeconds(2), closing);
        RelayInfo idle = relay.info();
        assertEquals(new RelayInfo("/live/edge1", idle.origin(), "on-demand", "IDLE", 0, ""), idle);
        assertFalse(idle.origin().contains("s3cret"));

        assertThrows(MediaException.class, () -> relay.open(""));
        RelayInfo failing = relay.info();
        assertEquals("FAILING", failing.state());
        assertEquals(1, failing.failures());
        assertFalse(failing.lastError().isEmpty());
    }

    @Test
    public void statusChangesAreReportedOnceNotPerRetry() {
        RelayStatus status = new RelayStatus("/live/a", OriginUrl.parse("rtsp://u:p@h/x"), RelayStatus.ALWAYS_ON,
                RelayStatus.State.CONNECTING);
        assertTrue(status.failed("connection refused"));
        assertFalse("retrying keeps it failing", status.connecting());
        assertFalse("the second failure is no change", status.failed("connection refused\r\nagain"));
        assertEquals("connection refused again", status.info().lastError());
        assertEquals(2, status.info().failures());
        assertTrue(status.pulling());
        assertEquals(0, status.info().failures());
        assertTrue(status.connecting());
    }
}
