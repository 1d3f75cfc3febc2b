package org.tributary.mp3.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.junit.After;
import org.junit.Test;
import org.tributary.api.station.StationInfo;

public class Mp3BroadcastTest {

    private static final String PW = "hackme";

    private final FakeSessions sessions = new FakeSessions();
    private final FakeAccess access = new FakeAccess(3);
    private Mp3Broadcast broadcast;

    private Mp3Broadcast start(Mp3Settings settings) {
        broadcast = new Mp3Broadcast(sessions, access, settings);
        return broadcast;
    }

    private static Mp3Settings withPassword() {
        return new Mp3Settings(PW, "adm", 1, 3, 2, 4, 10, 1000, false, "/stream", 64 * 1024, 300);
    }

    @After
    public void stop() {
        if (broadcast != null) {
            broadcast.deactivate();
        }
    }

    private FakeExchange source(String mount) {
        FakeExchange source = new FakeExchange("PUT", mount).basic("source", PW)
                .header("Content-Type", "audio/mpeg").header("ice-name", "Radio\r\nX-Evil: 1")
                .header("ice-genre", "Test").header("ice-public", "1");
        broadcast.handle(source);
        return source;
    }

    private static void send(FakeExchange source, byte[] bytes) {
        source.receiver.data(ByteBuffer.wrap(bytes));
    }

    @Test
    public void withoutAPasswordEverySourceIsRefusedWithHowToSetOne() {
        start(Mp3Settings.DEFAULTS);
        FakeExchange source = new FakeExchange("PUT", "/radio").basic("source", "");
        broadcast.handle(source);
        assertEquals(401, source.status);
        assertTrue(source.bodyText(), source.bodyText().contains("stream:mp3-password"));
        assertTrue(source.bodyText(), source.bodyText().contains("config:edit org.tributary.mp3"));
        assertNull(source.receiver);
    }

    @Test
    public void aWrongPasswordIsAnsweredLate() {
        start(withPassword());
        FakeExchange source = new FakeExchange("SOURCE", "/radio").basic("source", "guess");
        long begin = System.nanoTime();
        broadcast.handle(source);
        assertEquals(0, source.status);
        await().atMost(Duration.ofSeconds(5)).until(() -> source.status == 401);
        assertTrue(System.nanoTime() - begin >= 300_000_000L);
        assertTrue(source.responseHeaders.get("WWW-Authenticate").startsWith("Basic"));
        FakeExchange wrongUser = new FakeExchange("PUT", "/radio").basic("admin", PW);
        broadcast.handle(wrongUser);
        await().atMost(Duration.ofSeconds(5)).until(() -> wrongUser.status == 401);
    }

    @Test
    public void failedLoginsAreCountedAndABlockedAddressIsRefusedAtOnce() {
        start(withPassword());
        for (int i = 0; i < 3; i++) {
            FakeExchange guess = new FakeExchange("PUT", "/radio").basic("source", "guess" + i);
            broadcast.handle(guess);
            await().atMost(Duration.ofSeconds(5)).until(() -> guess.status == 401);
        }
        assertEquals(3, access.failures.get());
        FakeExchange right = new FakeExchange("PUT", "/radio").basic("source", PW);
        broadcast.handle(right);
        assertEquals(403, right.status);
        assertNull(right.receiver);
        FakeExchange admin = new FakeExchange("GET", "/admin/metadata?mount=/radio&mode=updinfo&song=x").basic("admin", "adm");
        broadcast.handle(admin);
        assertEquals(403, admin.status);
    }

    @Test
    public void aListenerGetsABurstOnAFrameBoundaryAndTheStationHeaders() {
        start(withPassword());
        FakeExchange source = source("/radio");
        assertEquals(200, source.status);
        byte[] audio = TestFrames.frames(100); // 2.6 s
        for (int i = 0; i < audio.length; i += 1000) {
            send(source, Arrays.copyOfRange(audio, i, Math.min(audio.length, i + 1000)));
        }
        FakeExchange listener = new FakeExchange("GET", "/radio");
        broadcast.handle(listener);
        assertEquals(200, listener.status);
        assertEquals("audio/mpeg", listener.responseHeaders.get("Content-Type"));
        assertEquals("Radio??X-Evil: 1", listener.responseHeaders.get("icy-name"));
        assertEquals("128", listener.responseHeaders.get("icy-br"));
        assertEquals("1", listener.responseHeaders.get("icy-pub"));
        assertEquals("*", listener.responseHeaders.get("Access-Control-Allow-Origin"));
        assertNull(listener.responseHeaders.get("icy-metaint"));
        byte[] burst = listener.streamed();
        // one second of whole frames at least, starting on a header
        assertTrue(burst.length >= 38 * TestFrames.SIZE);
        assertEquals(0, burst.length % TestFrames.SIZE);
        assertEquals((byte) 0xFF, burst[0]);
        assertArrayEquals(Arrays.copyOfRange(audio, audio.length - burst.length, audio.length), burst);
        // frames go out in chunks of 200 ms: 7 frames (183 ms) wait for the 8th
        send(source, TestFrames.frames(7));
        assertEquals(burst.length, listener.streamed().length);
        send(source, TestFrames.frames(1));
        assertEquals(burst.length + 8 * TestFrames.SIZE, listener.streamed().length);
        assertEquals(1, sessions.listeners().size());
        assertEquals("/radio", sessions.listeners().get(0).path());
        StationInfo info = broadcast.stations().get(0);
        assertEquals("/radio", info.mount());
        assertEquals(128000, info.bitrate());
        assertEquals(1, info.listeners());
        sessions.listeners().get(0).close();
        assertTrue(sessions.listeners().isEmpty());
        assertEquals(0, broadcast.stations().get(0).listeners());
    }

    @Test
    public void icyMetadataComesEveryIntervalWithTheTitleSetByTheAdmin() {
        start(withPassword());
        FakeExchange source = source("/radio");
        FakeExchange listener = new FakeExchange("GET", "/radio").header("Icy-MetaData", "1");
        broadcast.handle(listener);
        assertEquals("1000", listener.responseHeaders.get("icy-metaint"));
        send(source, TestFrames.frames(8)); // 3336 bytes: a block after 1000, 2000 and 3000
        byte[] got = listener.streamed();
        assertEquals(3336 + 3, got.length);
        assertEquals(0, got[1000]);
        assertEquals(0, got[2001]);
        assertEquals(0, got[3002]);
        FakeExchange admin = new FakeExchange("GET", "/admin/metadata?mount=/radio&mode=updinfo&song=Caf%C3%A9+Tone")
                .basic("admin", "adm");
        broadcast.handle(admin);
        assertEquals(200, admin.status);
        send(source, TestFrames.frames(8));
        got = listener.streamed();
        // 4000 audio bytes and three empty blocks, then the title's block
        String block = new String(got, 4004, 16 * got[4003], StandardCharsets.UTF_8);
        assertTrue(block, block.startsWith("StreamTitle='Caf\u00e9 Tone';"));
        assertEquals("Caf\u00e9 Tone", broadcast.stations().get(0).title());
    }

    @Test
    public void adminRequestsNeedCredentials() {
        start(withPassword());
        source("/radio");
        FakeExchange none = new FakeExchange("GET", "/admin/metadata?mount=/radio&mode=updinfo&song=x");
        broadcast.handle(none);
        assertEquals(401, none.status);
        FakeExchange wrong = new FakeExchange("GET", "/admin/metadata?mount=/radio&mode=updinfo&song=x")
                .basic("admin", PW);
        broadcast.handle(wrong);
        await().atMost(Duration.ofSeconds(5)).until(() -> wrong.status == 401);
        FakeExchange bySource = new FakeExchange("GET", "/admin/metadata?mount=/radio&mode=updinfo&song=x")
                .basic("source", PW);
        broadcast.handle(bySource);
        assertEquals(200, bySource.status);
        FakeExchange unknown = new FakeExchange("GET", "/admin/metadata?mount=/nope&mode=updinfo&song=x")
                .basic("source", PW);
        broadcast.handle(unknown);
        assertEquals(404, unknown.status);
    }

    @Test
    public void aBusyMountIsRefusedUnlessTakeoverIsOn() {
        start(withPassword());
        FakeExchange first = source("/radio");
        FakeExchange second = source("/radio");
        assertEquals(403, second.status);
        assertEquals("Mountpoint in use\r\n", second.bodyText());
        assertFalse(first.closed);
        broadcast.deactivate();
        start(new Mp3Settings(PW, "", 1, 3, 0, 4, 10, 1000, true, "/stream", 64 * 1024, 0));
        FakeExchange old = source("/radio");
        FakeExchange listener = new FakeExchange("GET", "/radio");
        broadcast.handle(listener);
        FakeExchange taker = source("/radio");
        assertEquals(200, taker.status);
        assertTrue(old.closed);
        assertFalse(listener.closed);
        send(taker, TestFrames.frames(8));
        assertEquals(8 * TestFrames.SIZE, listener.streamed().length);
    }

    @Test
    public void garbageEndsTheSourceAndItsListeners() {
        start(withPassword());
        FakeExchange source = source("/radio");
        FakeExchange listener = new FakeExchange("GET", "/radio");
        broadcast.handle(listener);
        send(source, "<html>".repeat(5000).getBytes(StandardCharsets.US_ASCII));
        assertTrue(source.closed);
        assertTrue(listener.closed);
        assertTrue(broadcast.stations().isEmpty());
        FakeExchange late = new FakeExchange("GET", "/radio");
        broadcast.handle(late);
        assertEquals(404, late.status);
    }

    @Test
    public void aSilentSourceTimesOut() {
        start(new Mp3Settings(PW, "", 1, 3, 0, 4, 1, 1000, false, "/stream", 64 * 1024, 0));
        FakeExchange source = source("/radio");
        await().atMost(Duration.ofSeconds(5)).until(() -> source.closed);
        assertTrue(broadcast.stations().isEmpty());
    }

    @Test
    public void listenerCapsAnswer503() {
        start(withPassword());
        source("/a");
        source("/b");
        FakeExchange[] ok = {new FakeExchange("GET", "/a"), new FakeExchange("GET", "/a"), new FakeExchange("GET", "/b")};
        for (FakeExchange l : ok) {
            broadcast.handle(l);
            assertEquals(200, l.status);
        }
        FakeExchange perStation = new FakeExchange("GET", "/a");
        broadcast.handle(perStation);
        assertEquals(503, perStation.status);
        FakeExchange overall = new FakeExchange("GET", "/b");
        broadcast.handle(overall);
        assertEquals(503, overall.status);
        assertEquals("Too many listeners\r\n", overall.bodyText());
        assertEquals("*", overall.responseHeaders.get("Access-Control-Allow-Origin"));
        ok[0].close();
        FakeExchange again = new FakeExchange("GET", "/b");
        broadcast.handle(again);
        assertEquals(200, again.status);
    }

    @Test
    public void aLaggingListenerSkipsForwardToAFrameBoundary() {
        start(new Mp3Settings(PW, "", 0, 3, 0, 4, 10, 1000, false, "/stream", 64 * 1024, 0));
        FakeExchange source = source("/radio");
        FakeExchange listener = new FakeExchange("GET", "/radio");
        broadcast.handle(listener);
        listener.writable = false;
        send(source, TestFrames.frames(1));
        int before = listener.streamed().length;
        for (int i = 0; i < 400; i++) {
            send(source, TestFrames.frames(1));
        }
        assertEquals(before, listener.streamed().length);
        listener.drain();
        byte[] got = listener.streamed();
        int caughtUp = got.length - before;
        assertTrue(caughtUp <= 64 * 1024);
        assertEquals(0, caughtUp % TestFrames.SIZE);
        assertEquals((byte) 0xFF, got[before]);
        assertEquals(1, ((ListenerStream) sessions.listeners().get(0)).skips());
    }

    @Test
    public void playlistsPointAtTheStreamWithAValidatedHost() {
        start(withPassword());
        source("/radio");
        FakeExchange m3u = new FakeExchange("GET", "/radio.m3u").header("Host", "example.org:8000");
        broadcast.handle(m3u);
        assertEquals("audio/x-mpegurl", m3u.responseHeaders.get("Content-Type"));
        assertEquals("http://example.org:8000/radio\r\n", m3u.bodyText());
        FakeExchange evil = new FakeExchange("GET", "/radio.pls").header("Host", "evil.org/x?\r\nFile2=http://a");
        broadcast.handle(evil);
        assertTrue(evil.bodyText(), evil.bodyText().contains("File1=http://127.0.0.1:8000/radio\r\n"));
        assertFalse(evil.bodyText().contains("evil"));
        FakeExchange missing = new FakeExchange("GET", "/nothing.m3u");
        broadcast.handle(missing);
        assertEquals(404, missing.status);
    }

    @Test
    public void headAnswersTheHeadersAndUnknownPathsAre404() {
        start(withPassword());
        source("/radio");
        FakeExchange head = new FakeExchange("HEAD", "/radio");
        broadcast.handle(head);
        assertEquals(200, head.status);
        assertEquals("audio/mpeg", head.responseHeaders.get("Content-Type"));
        assertTrue(sessions.listeners().isEmpty());
        FakeExchange unknown = new FakeExchange("GET", "/other");
        broadcast.handle(unknown);
        assertEquals(404, unknown.status);
        // a web player's fetch() sees "off air", not a network error
        assertEquals("*", unknown.responseHeaders.get("Access-Control-Allow-Origin"));
        FakeExchange bad = new FakeExchange("PUT", "/../etc").basic("source", PW);
        broadcast.handle(bad);
        assertEquals(400, bad.status);
        FakeExchange notMp3 = new FakeExchange("PUT", "/ogg").basic("source", PW).header("Content-Type", "audio/ogg");
        broadcast.handle(notMp3);
        assertEquals(415, notMp3.status);
    }

    @Test
    public void aShoutcastSourceFeedsTheConfiguredMountAndSetsItsTitle() {
        start(withPassword());
        FakeExchange icy = new FakeExchange(FakeExchange.ICY_LOGIN, "/").basic("source", PW).header("icy-name", "Old");
        broadcast.handle(icy);
        assertEquals(200, icy.status);
        assertEquals("/stream", broadcast.stations().get(0).mount());
        FakeExchange wrong = new FakeExchange("GET", "/admin.cgi?pass=guess&mode=updinfo&song=Nope");
        broadcast.handle(wrong);
        await().atMost(Duration.ofSeconds(5)).until(() -> wrong.status == 401);
        FakeExchange update = new FakeExchange("GET", "/admin.cgi?pass=" + PW + "&mode=updinfo&song=New+Song");
        broadcast.handle(update);
        assertEquals(200, update.status);
        assertEquals("New Song", broadcast.stations().get(0).title());
    }

    @Test
    public void stoppingEndsSourcesAndListeners() {
        start(withPassword());
        FakeExchange source = source("/radio");
        FakeExchange listener = new FakeExchange("GET", "/radio");
        broadcast.handle(listener);
        broadcast.deactivate();
        broadcast = null;
        assertTrue(source.closed);
        assertTrue(listener.closed);
        assertTrue(sessions.sessions().isEmpty());
    }
}
