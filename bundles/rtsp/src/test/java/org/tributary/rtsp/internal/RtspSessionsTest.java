package org.tributary.rtsp.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.tributary.api.ReceptionStats;
import org.tributary.api.SessionRegistry;
import org.tributary.api.StreamSession;
import org.tributary.rtp.PayloadFormats;
import org.tributary.rtp.UdpPortPool;

/** Sessions over real UDP sockets on loopback: reclaimed with their ports when the client vanishes, fed by RTCP. */
public class RtspSessionsTest {

    private final List<StreamSession> registered = new CopyOnWriteArrayList<>();
    private final UdpPortPool pool = new UdpPortPool(31000, 31099);
    private EventLoopGroup group;
    private RtspSessions sessions;

    @Before
    public void setUp() {
        group = NettyTransport.group(1, "test");
        SessionRegistry registry = new SessionRegistry() {
            public void add(StreamSession s) { registered.add(s); }
            public void remove(StreamSession s) { registered.remove(s); }
            public List<StreamSession> sessions() { return registered; }
            public Optional<StreamSession> find(String id) { return Optional.empty(); }
        };
        sessions = new RtspSessions(registry, group.next(), 1);
    }

    @After
    public void tearDown() {
        sessions.closeAll();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private RtspSession udpSession(int clientPort) throws Exception {
        FakeMovie movie = new FakeMovie();
        RtspSession session = sessions.create("/movie.mp4", "127.0.0.1:" + clientPort, Optional.empty(), movie,
                group.next());
        UdpTransport transport = UdpTransport.open(session.loop(), pool, "127.0.0.1", InetAddress.getLoopbackAddress(),
                clientPort, clientPort + 1, session::onRtcp).get(5, TimeUnit.SECONDS);
        session.addTrack(new TrackOutput(PayloadFormats.forTracks(movie.tracks()).get(0), transport, "rtsp://h/movie.mp4/trackID=1"));
        return session;
    }

    /** A session whose media goes over a connection that stays open. */
    private RtspSession interleavedSession(EmbeddedChannel connection) throws Exception {
        FakeMovie movie = new FakeMovie();
        RtspSession session = sessions.create("/movie.mp4", ServerContext.clientName(connection), Optional.empty(),
                movie, group.next());
        session.addTrack(new TrackOutput(PayloadFormats.forTracks(movie.tracks()).get(0),
                new InterleavedTransport(connection, 0, 1), "rtsp://h/movie.mp4/trackID=1"));
        return session;
    }

    @Test
    public void vanishedClientIsReclaimedWithItsPorts() throws Exception {
        udpSession(42000);
        assertEquals(1, pool.inUse());
        assertEquals(1, registered.size());
        await().atMost(Duration.ofSeconds(6)).until(() -> sessions.size() == 0 && pool.inUse() == 0);
        assertEquals(0, registered.size());
    }

    @Test
    public void activityKeepsASessionThatPlayedAlive() throws Exception {
        RtspSession session = udpSession(42010);
        session.markStarted();
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4)).until(() -> {
            session.touch();
            return sessions.size() == 1;
        });
    }

    @Test
    public void aSessionNeverPlayedIsReclaimedWhateverItsKeepAlivesAndItsConnectionClosed() throws Exception {
        EmbeddedChannel connection = new EmbeddedChannel();
        RtspSession session = interleavedSession(connection);
        await().atMost(Duration.ofSeconds(6)).until(() -> {
            session.touch();
            return session.closed();
        });
        // ended means ended: the connection its media used is closed with it
        await().atMost(Duration.ofSeconds(1)).until(() -> !connection.isActive());
        assertEquals(0, sessions.size());
    }

    @Test
    public void anIdleSessionIsReclaimedAndItsConnectionClosed() throws Exception {
        EmbeddedChannel connection = new EmbeddedChannel();
        RtspSession session = interleavedSession(connection);
        session.markStarted();
        await().atMost(Duration.ofSeconds(6)).until(session::closed);
        await().atMost(Duration.ofSeconds(1)).until(() -> !connection.isActive());
    }

    @Test
    public void sessionsAreCappedPerConnectionAndPerAddressAndCountedOnTheirConnection() throws Exception {
        sessions.shares().limits(2, 3);
        sessions.create("/a", "10.0.0.1:5000", Optional.empty(), new FakeMovie(), group.next());
        sessions.create("/a", "10.0.0.1:5000", Optional.empty(), new FakeMovie(), group.next());
        RtspException perConnection = assertThrows(RtspException.class,
                () -> sessions.create("/a", "10.0.0.1:5000", Optional.empty(), new FakeMovie(), group.next()));
        assertEquals(453, perConnection.status().code());
        assertEquals("Too Many Sessions On This Connection", perConnection.status().reasonPhrase());
        sessions.create("/a", "10.0.0.1:5001", Optional.empty(), new FakeMovie(), group.next());
        RtspException perAddress = assertThrows(RtspException.class,
                () -> sessions.create("/a", "10.0.0.1:5002", Optional.empty(), new FakeMovie(), group.next()));
        assertEquals("Too Many Sessions From This Address", perAddress.status().reasonPhrase());
        sessions.create("/a", "10.0.0.2:5000", Optional.empty(), new FakeMovie(), group.next());
        assertEquals("a refused session is not kept", 4, sessions.size());
        assertEquals("refused sessions reserve nothing", 4, sessions.admission().sessions());
    }

    @Test
    public void aConnectionCarriesTheSessionsSetUpOnIt() throws Exception {
        EmbeddedChannel connection = new EmbeddedChannel();
        assertFalse(sessions.anyOn(connection));
        RtspSession session = sessions.create("/a", ServerContext.clientName(connection), Optional.empty(),
                new FakeMovie(), group.next());
        assertTrue(sessions.anyOn(connection));
        session.close();
        assertFalse(sessions.anyOn(connection));
    }

    @Test
    public void receiverReportsAreKeptPerSession() throws Exception {
        RtspSession session = udpSession(42020);
        TrackOutput output = session.outputs().get(0);
        UdpTransport transport = (UdpTransport) output.transport();
        // RFC 3550 RR: one report block about our SSRC, fraction 64/256, 5 lost, jitter 480 ticks at 48 kHz
        ByteBuffer rr = ByteBuffer.allocate(32);
        rr.put((byte) 0x81).put((byte) 201).putShort((short) 7).putInt(0x11223344);
        rr.putInt(output.ssrc()).putInt((64 << 24) | 5).putInt(1000).putInt(480).putInt(0).putInt(0);
        try (DatagramSocket client = new DatagramSocket(42021, InetAddress.getLoopbackAddress())) {
            client.send(new DatagramPacket(rr.array(), 32, InetAddress.getLoopbackAddress(), transport.serverPort() + 1));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> session.reception().reports() == 1);
        ReceptionStats stats = session.reception();
        assertEquals(5, stats.cumulativeLost());
        assertEquals(0.25, stats.fractionLost(), 1e-9);
        assertEquals(10.0, stats.jitterMillis(), 1e-9);
    }

    @Test
    public void receiverReportsOfARelayedTrackAreKeptWithoutAClockRate() throws Exception {
        FakeMovie movie = new FakeMovie();
        RtspSession session = sessions.create("/live/x", "127.0.0.1:42030", Optional.empty(), movie, group.next());
        UdpTransport transport = UdpTransport.open(session.loop(), pool, "127.0.0.1", InetAddress.getLoopbackAddress(),
                42030, 42031, session::onRtcp).get(5, TimeUnit.SECONDS);
        TrackOutput relayed = new TrackOutput(1, transport, "rtsp://h/live/x/trackID=1");
        session.addTrack(relayed);
        ByteBuffer rr = ByteBuffer.allocate(32);
        rr.put((byte) 0x81).put((byte) 201).putShort((short) 7).putInt(0x11223344);
        rr.putInt(relayed.ssrc()).putInt(2).putInt(1000).putInt(480).putInt(0).putInt(0);
        try (DatagramSocket client = new DatagramSocket(42031, InetAddress.getLoopbackAddress())) {
            client.send(new DatagramPacket(rr.array(), 32, InetAddress.getLoopbackAddress(), transport.serverPort() + 1));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> session.reception().reports() == 1);
        assertEquals(2, session.reception().cumulativeLost());
    }
}
