package org.tributary.mp3.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import org.junit.Before;
import org.junit.Test;

public class StationFallbackTest {

    /** A source that only records being stopped. */
    private static final class FakeSource implements StationSource {
        private final String address;

        FakeSource(String address) {
            this.address = address;
        }

        @Override
        public String address() {
            return address;
        }

        @Override
        public Instant started() {
            return Instant.EPOCH;
        }

        @Override
        public void stop(String reason) {
            // the test ends it through Stations.ended
        }
    }

    private static final StationMetadata META = new StationMetadata("", "", "", "", "0", "", "");

    private final Stations stations = new Stations();
    private final FakeSource live = new FakeSource("live");
    private Station radio;
    private Station auto;

    @Before
    public void onAir() throws Stations.Refused {
        radio = stations.attach(live, "/radio", META, Mp3Settings.DEFAULTS);
        auto = stations.attach(new FakeSource("playlist:auto"), "/auto", META, Mp3Settings.DEFAULTS);
        auto.title("Auto DJ");
        stations.fallback("/radio", "/auto");
    }

    /** @return frames whose body bytes are all {@code fill} */
    private static FrameScanner.Frames frames(int count, int fill) {
        byte[] bytes = TestFrames.frames(count);
        for (int i = 0; i < count; i++) {
            Arrays.fill(bytes, i * TestFrames.SIZE + 4, (i + 1) * TestFrames.SIZE, (byte) fill);
        }
        FrameScanner.Frames frames = new FrameScanner.Frames();
        new FrameScanner().scan(ByteBuffer.wrap(bytes), frames);
        return frames;
    }

    private ListenerStream listen(String mount, Station station, FakeExchange exchange, int metaInterval)
            throws Stations.Refused {
        ListenerStream listener = new ListenerStream("l-" + metaInterval, mount, station, exchange, metaInterval);
        stations.admit(station, listener, Mp3Settings.DEFAULTS);
        exchange.onClose(() -> stations.leave(listener));
        listener.start(exchange, station.ring().next());
        return listener;
    }

    private static int count(byte[] bytes, int fill) {
        int n = 0;
        for (byte b : bytes) {
            n += b == (byte) fill ? 1 : 0;
        }
        return n;
    }

    private static final int BODY = TestFrames.SIZE - 4;

    @Test
    public void listenersMoveToTheFallbackWhenTheSourceDropsAndBackWhenItReturns() throws Stations.Refused {
        FakeExchange plain = new FakeExchange("GET", "/radio");
        ListenerStream listener = listen("/radio", radio, plain, 0);
        FakeExchange icy = new FakeExchange("GET", "/radio");
        listen("/radio", radio, icy, 500);
        radio.append(frames(3, 0x11));
        auto.append(frames(2, 0x22));
        assertEquals(3 * BODY, count(plain.streamed(), 0x11));
        assertEquals(0, count(plain.streamed(), 0x22));

        stations.ended(live);
        assertTrue(radio.ended());
        assertSame(auto, listener.station());
        assertFalse(plain.closed);
        assertEquals(2, auto.listenerCount());
        assertEquals(2, stations.listeners());
        // the stream goes on, from the fallback's newest chunk, on a frame boundary
        assertEquals(2 * BODY, count(plain.streamed(), 0x22));
        auto.append(frames(3, 0x33));
        assertEquals(3 * BODY, count(plain.streamed(), 0x33));
        assertEquals(8 * TestFrames.SIZE, plain.streamed().length);
        assertTrue(new String(icy.streamed(), StandardCharsets.ISO_8859_1).contains("StreamTitle='Auto DJ';"));
        assertSame(auto, stations.findForListener("/radio"));

        Station back = stations.attach(new FakeSource("live again"), "/radio", META, Mp3Settings.DEFAULTS);
        assertSame(back, listener.station());
        assertEquals(2, back.listenerCount());
        assertEquals(0, auto.listenerCount());
        back.append(frames(2, 0x44));
        auto.append(frames(2, 0x55));
        assertEquals(2 * BODY, count(plain.streamed(), 0x44));
        assertEquals(0, count(plain.streamed(), 0x55));

        plain.close();
        assertEquals(1, back.listenerCount());
        assertEquals(1, stations.listeners());
    }

    @Test
    public void theFallbacksOwnListenersStayAndListenersWithoutAFallbackAreClosed() throws Stations.Refused {
        FakeExchange own = new FakeExchange("GET", "/auto");
        ListenerStream ownListener = listen("/auto", auto, own, 0);
        FakeSource other = new FakeSource("other");
        Station elsewhere = stations.attach(other, "/other", META, Mp3Settings.DEFAULTS);
        FakeExchange orphan = new FakeExchange("GET", "/other");
        listen("/other", elsewhere, orphan, 0);
        elsewhere.append(frames(1, 0x11));

        stations.ended(other);
        assertTrue(orphan.closed);
        assertEquals(1, stations.listeners());
        stations.ended(live);
        stations.attach(new FakeSource("again"), "/radio", META, Mp3Settings.DEFAULTS);
        assertSame(auto, ownListener.station());
        assertNull(stations.findForListener("/other"));
    }

    @Test
    public void withTheFallbackOffAirListenersAreClosed() throws Stations.Refused {
        FakeExchange plain = new FakeExchange("GET", "/radio");
        listen("/radio", radio, plain, 0);
        stations.removeFallback("/radio", "/auto");
        stations.ended(live);
        assertTrue(plain.closed);
        assertEquals(0, stations.listeners());
    }

    @Test
    public void aListenerThatLeavesBeforeItsMoveIsDoneIsCountedOutOfItsNewStation() throws Stations.Refused {
        FakeExchange stalled = new FakeExchange("GET", "/radio");
        ListenerStream listener = listen("/radio", radio, stalled, 0);
        stalled.writable = false;
        stations.ended(live);
        assertSame(radio, listener.station());
        assertEquals(1, auto.listenerCount());
        stalled.close();
        assertEquals(0, auto.listenerCount());
        assertEquals(0, stations.listeners());
    }
}
