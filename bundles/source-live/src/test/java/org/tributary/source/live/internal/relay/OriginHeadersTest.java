package org.tributary.source.live.internal.relay;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.tributary.rtp.rtsp.PortPair;
import org.tributary.rtp.rtsp.SessionHeader;

/** The origin's answers read with the server's header parsers: what is taken, and what is refused by name. */
public class OriginHeadersTest {

    private static final String URL = "rtsp://origin/live/a/trackID=1";
    private static final PortPair REQUESTED = new PortPair(2, 3);

    @Test
    public void resolvesTrackControls() throws Exception {
        assertEquals("rtsp://h/live/a/trackID=1", OriginHeaders.trackUrl("rtsp://h/live/a/", "trackID=1"));
        assertEquals("rtsp://h/live/a/streamid=0", OriginHeaders.trackUrl("rtsp://h/live/a", "streamid=0"));
        assertEquals("rtsp://other/x", OriginHeaders.trackUrl("rtsp://h/live/a/", "rtsp://other/x"));
        assertEquals("rtsp://h/live/a", OriginHeaders.trackUrl("rtsp://h/live/a", ""));
        for (String control : new String[] {"track 1", "a\r\nInjected: 1", "trackID=%zz", "rtsp://h:99999/x",
                "rtsp://bad host/x", "caf\u00e9"}) {
            OriginException refused = assertThrows(control, OriginException.class,
                    () -> OriginHeaders.trackUrl("rtsp://h/a/", control));
            assertTrue(refused.getMessage(), refused.getMessage().startsWith("track control gives no usable"));
        }
    }

    @Test
    public void takesContentBaseThenContentLocationThenTheRequestedUrl() throws Exception {
        String requested = "rtsp://origin/live/a";
        assertEquals("rtsp://o/b/", OriginHeaders.contentBase(answer(Map.of("content-base", "rtsp://o/b/",
                "content-location", "rtsp://o/c/")), requested));
        assertEquals("rtsp://o/c/", OriginHeaders.contentBase(answer(Map.of("content-location", "rtsp://o/c/")),
                requested));
        assertEquals(requested, OriginHeaders.contentBase(answer(Map.of()), requested));
        for (String bad : new String[] {"http://o/b/", "/b/", "rtsp://o/b c/", "rtsp://o:0/b", "rtsp:///b",
                "rtsp://o/%G0", "rtsp://o/b\u0000"}) {
            OriginException refused = assertThrows(bad, OriginException.class,
                    () -> OriginHeaders.contentBase(answer(Map.of("content-base", bad)), requested));
            assertTrue(refused.getMessage(), refused.getMessage().contains("Content-Base"));
        }
    }

    @Test
    public void readsTheSessionAsTheServerDoes() throws Exception {
        SessionHeader session = OriginHeaders.session(answer(Map.of("session", "A1b2-C3.d4$;timeout=30")), URL);
        assertEquals("A1b2-C3.d4$", session.id());
        assertEquals(30, OriginHeaders.timeout(session, 60));
        assertEquals(60, OriginHeaders.timeout(OriginHeaders.session(answer(Map.of("session", "x")), URL), 60));
        assertEquals(60, OriginHeaders.timeout(SessionHeader.of("x", 1), 60));
        assertEquals(60, OriginHeaders.timeout(SessionHeader.of("x", 3601), 60));
        assertEquals(3600, OriginHeaders.timeout(SessionHeader.of("x", 3600), 60));
    }

    @Test
    public void refusesAMissingOrMalformedSessionNamingIt() {
        assertTrue(assertThrows(OriginException.class, () -> OriginHeaders.session(answer(Map.of()), URL))
                .getMessage().contains("without a Session header"));
        for (String bad : new String[] {"", ";timeout=60", "a b", "a\"b", "x".repeat(SessionHeader.MAX_ID_LENGTH + 1),
                "abc\u0001", "abc;timeout=soon", "abc;timeout=-5", "abc;timeout=99999999999999999999", "caf\u00e9"}) {
            OriginException refused = assertThrows(bad, OriginException.class,
                    () -> OriginHeaders.session(answer(Map.of("session", bad)), URL));
            assertTrue(refused.getMessage(), refused.getMessage().startsWith("origin answered SETUP " + URL
                    + " with a malformed Session header: "));
        }
    }

    @Test
    public void readsTheInterleavedChannelsTheOriginChose() throws Exception {
        assertEquals(new PortPair(6, 7), interleaved("RTP/AVP/TCP;unicast;interleaved=6-7;ssrc=1A2B3C4D;mode=\"PLAY\""));
        assertEquals(new PortPair(8, 9), interleaved("RTP/AVP/TCP;interleaved=8"));
        assertEquals(new PortPair(0, 1), interleaved("rtp/avp;unicast;interleaved=0-1"));
        assertEquals(new PortPair(254, 255), interleaved("RTP/AVP/TCP;interleaved=254-255"));
        assertEquals(REQUESTED, interleaved("RTP/AVP/TCP;unicast"));
        assertEquals(REQUESTED, OriginHeaders.interleaved(answer(Map.of()), URL, REQUESTED));
    }

    @Test
    public void refusesAMalformedOrUnusableTransportNamingIt() {
        for (String bad : new String[] {"RTP/AVP/TCP;interleaved=300-301", "RTP/AVP/TCP;interleaved=255",
                "RTP/AVP/TCP;interleaved=5-2", "RTP/AVP/TCP;interleaved=x", "RTP/AVP/TCP;interleaved=",
                "RTP/AVP/TCP;interleaved=-1", "RTP/SAVP/TCP;interleaved=0-1", "", " , ",
                "RTP/AVP;unicast;client_port=5000-5001;server_port=6000-6001"}) {
            OriginException refused = assertThrows(bad, OriginException.class, () -> interleaved(bad));
            assertTrue(refused.getMessage(), refused.getMessage().startsWith("origin answered SETUP " + URL + " with a"));
            assertTrue(refused.getMessage(), refused.getMessage().contains("Transport header"));
        }
    }

    @Test
    public void aUsableUrlIsOneTheServerWouldAccept() {
        assertTrue(OriginHeaders.isRequestUrl("rtsp://127.0.0.1:8554/live/a%20b/trackID=0"));
        assertTrue(OriginHeaders.isRequestUrl("RTSP://[::1]/x"));
        assertFalse(OriginHeaders.isRequestUrl("rtsps://h/x"));
        assertFalse(OriginHeaders.isRequestUrl("rtsp://h/" + "x".repeat(5000)));
    }

    private static PortPair interleaved(String transport) throws OriginException {
        return OriginHeaders.interleaved(answer(Map.of("transport", transport)), URL, REQUESTED);
    }

    private static OriginResponse answer(Map<String, String> headers) {
        Map<String, List<String>> multi = new HashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return new OriginResponse("RTSP/1.0 200 OK", 200, multi, "");
    }
}
