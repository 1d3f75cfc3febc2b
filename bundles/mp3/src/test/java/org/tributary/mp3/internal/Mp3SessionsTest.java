package org.tributary.mp3.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.After;
import org.junit.Test;
import org.tributary.api.ServerStats;
import org.tributary.api.StreamSession;

/** Sources and listeners as management sees them (sessions of the registry), and the refusals counted. */
public class Mp3SessionsTest {

    private static final String PW = "hackme";

    private final FakeSessions sessions = new FakeSessions();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final Mp3Broadcast broadcast = new Mp3Broadcast(sessions, new FakeAccess(3),
            new Mp3Settings(PW, "adm", 1, 3, 2, 4, 10, 1000, false, "/stream", 64 * 1024, 300));

    @After
    public void stop() {
        broadcast.deactivate();
    }

    private StreamSession only(String kind) {
        List<StreamSession> of = sessions.sessions().stream().filter(s -> s.kind().equals(kind)).toList();
        assertEquals(kind + " sessions", 1, of.size());
        return of.get(0);
    }

    @Test
    public void aSourceIsAPublishingSessionThatAKickEnds() {
        FakeExchange source = new FakeExchange("PUT", "/radio").basic("source", PW)
                .header("Content-Type", "audio/mpeg").header("User-Agent", "Lavf/60.16.100\r\nX-Evil: 1");
        broadcast.handle(source);
        assertEquals(200, source.status);
        source.receiver.data(java.nio.ByteBuffer.wrap(TestFrames.frames(8)));
        StreamSession session = only(StreamSession.PUBLISHER);
        assertEquals("HTTP", session.protocol());
        assertEquals("/radio", session.path());
        assertEquals("127.0.0.1:40000", session.clientAddress());
        assertEquals("MP3 (in)", session.transport());
        assertEquals("Lavf/60.16.100X-Evil: 1", session.userAgent());
        assertEquals("source", session.userName());
        assertEquals(8L * TestFrames.SIZE, session.bytesReceived());
        assertEquals(8, session.packetsReceived());
        assertEquals(0, session.bytesSent());
        session.close();
        assertTrue("the source's connection is closed", source.closed);
        assertTrue(sessions.sessions().isEmpty());
        assertTrue(broadcast.stations().isEmpty());
    }

    @Test
    public void aListenerIsAListenerSessionWithItsUserAgent() {
        FakeExchange source = new FakeExchange("PUT", "/radio").basic("source", PW);
        broadcast.handle(source);
        broadcast.handle(new FakeExchange("GET", "/radio").header("User-Agent", "mpg123/1.31.2"));
        StreamSession listener = only(StreamSession.LISTENER);
        assertEquals("mpg123/1.31.2", listener.userAgent());
        assertEquals("/radio", listener.path());
    }

    @Test
    public void refusalsOfSourcesAndListenersAreCounted() {
        broadcast.setStats(new ServerStats() {
            public Instant started() { return Instant.EPOCH; }
            public void refused(String protocol, int status) { refusals.add(protocol + " " + status); }
            public Map<Integer, Long> refusals() { return Map.of(); }
            public Totals totals() { return new Totals(0, 0, 0, 0, 0); }
        });
        broadcast.handle(new FakeExchange("PUT", "/radio"));
        broadcast.handle(new FakeExchange("PUT", "/radio").basic("source", "wrong"));
        broadcast.handle(new FakeExchange("GET", "/nothing"));
        assertEquals(List.of("HTTP 401", "HTTP 401", "HTTP 404"), refusals);
    }
}
