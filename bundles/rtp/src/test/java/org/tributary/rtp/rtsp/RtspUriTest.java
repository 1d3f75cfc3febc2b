package org.tributary.rtp.rtsp;

import org.junit.Test;

import java.util.OptionalInt;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

public class RtspUriTest {

    /** Request-URI, decoded path, track (-1 for none), base URL. */
    private static final Object[][] VALID = {
        {"rtsp://127.0.0.1:8554/sample.mp4", "/sample.mp4", -1, "rtsp://127.0.0.1:8554/sample.mp4"},
        {"rtsp://h/sample.mp4/", "/sample.mp4", -1, "rtsp://h/sample.mp4"},
        {"rtsp://h/sample.mp4/trackID=1", "/sample.mp4", 1, "rtsp://h/sample.mp4"},
        {"rtsp://h/live/cam/streamid=0", "/live/cam", 0, "rtsp://h/live/cam"},
        {"rtsp://h/a.mov/TRACK=12", "/a.mov", 12, "rtsp://h/a.mov"},
        {"rtsp://h/a.mov/trackID=2/", "/a.mov", 2, "rtsp://h/a.mov"},
        {"rtsps://h:322/secure/a.mp4", "/secure/a.mp4", -1, "rtsps://h:322/secure/a.mp4"},
        {"RTSP://H/x", "/x", -1, "RTSP://H/x"},
        {"rtsp://h:554", "/", -1, "rtsp://h:554"},
        {"rtsp://h/", "/", -1, "rtsp://h"},
        {"rtsp://h/trackID=3", "/", 3, "rtsp://h"},
        {"rtsp://[::1]:8554/x.mp4", "/x.mp4", -1, "rtsp://[::1]:8554/x.mp4"},
        {"/sample.mp4?token=abc", "/sample.mp4", -1, "/sample.mp4"},
        {"rtsp://h/a.mp4?x=1/trackID=1", "/a.mp4", -1, "rtsp://h/a.mp4"},
        {"rtsp://h/a.mp4#frag", "/a.mp4", -1, "rtsp://h/a.mp4"},
        {"rtsp://h/my%20movie.mp4", "/my movie.mp4", -1, "rtsp://h/my%20movie.mp4"},
        {"rtsp://h/caf%C3%A9.mp4", "/caf\u00e9.mp4", -1, "rtsp://h/caf%C3%A9.mp4"},
        {"rtsp://h/caf\u00c3\u00a9.mp4", "/caf\u00e9.mp4", -1, "rtsp://h/caf%C3%A9.mp4"},
        {"rtsp://h/\u65e5\u672c.mp4", "/\u65e5\u672c.mp4", -1, "rtsp://h/%E6%97%A5%E6%9C%AC.mp4"},
        {"rtsp://h/a%252e.mp4", "/a%2e.mp4", -1, "rtsp://h/a%252e.mp4"},
        {"rtsp://h/../etc/passwd", "/../etc/passwd", -1, "rtsp://h/../etc/passwd"},
        {"rtsp://h/%2e%2e/x", "/../x", -1, "rtsp://h/%2e%2e/x"},
        {"rtsp://h/a+b.mp4", "/a+b.mp4", -1, "rtsp://h/a+b.mp4"},
        {"rtsp://h/a;b,c.mp4", "/a;b,c.mp4", -1, "rtsp://h/a%3Bb%2Cc.mp4"},
        {"rtsp://h/trackID=x", "/trackID=x", -1, "rtsp://h/trackID=x"},
        {"rtsp://h:/x", "/x", -1, "rtsp://h:/x"},
    };

    private static final String[][] MALFORMED = {
        {"rtsp://h/%zz.mp4", "malformed percent escape \"%zz\" at offset 1"},
        {"rtsp://h/a%4", "malformed percent escape \"%4\""},
        {"rtsp://h/a%", "malformed percent escape \"%\""},
        {"rtsp://h/a%\uff14\uff11", "malformed percent escape"},
        {"rtsp://h/a%00.mp4", "control character U+0000"},
        {"rtsp://h/a%0d%0aX: y", "control character U+000D"},
        {"rtsp://h/a%C3", "not valid UTF-8"},
        {"rtsp://h/a%FF", "not valid UTF-8"},
        {"rtsp://h/%C0%AE%C0%AE/x", "not valid UTF-8"},
        {"http://h/a.mp4", "neither rtsp://host/path nor /path"},
        {"a.mp4", "neither rtsp://host/path nor /path"},
        {"rtsp:/h/a.mp4", "neither rtsp://host/path nor /path"},
        {"rtsp:///a.mp4", "host \"\""},
        {"rtsp://h h/a", "host \"h h\""},
        {"rtsp://h:0/a", "request URI port 0 is outside 1..65535"},
        {"rtsp://h:70000/a", "request URI port 70000 is outside 1..65535"},
        {"rtsp://h:abc/a", "request URI port \"abc\""},
        {"", "is empty or longer than"},
        {"/" + "a".repeat(RtspUri.MAX_LENGTH), "is empty or longer than 4096"},
    };

    @Test
    public void validUrisAreDecodedOnce() throws Exception {
        for (Object[] row : VALID) {
            RtspUri uri = RtspUri.parse((String) row[0]);
            assertEquals(row[0] + " path", row[1], uri.path());
            int track = (Integer) row[2];
            assertEquals(row[0] + " track", track < 0 ? OptionalInt.empty() : OptionalInt.of(track), uri.trackId());
            assertEquals(row[0] + " base", row[3], uri.baseUrl());
            assertFalse(uri.isAsterisk());
        }
    }

    @Test
    public void malformedUrisAreBadRequests() {
        for (String[] row : MALFORMED) {
            try {
                RtspUri.parse(row[0]);
                fail("accepted " + row[0]);
            } catch (MalformedHeaderException e) {
                assertTrue(row[0] + " -> " + e.getMessage(), e.getMessage().contains(row[1]));
                assertEquals(400, e.statusCode());
            }
        }
    }

    @Test
    public void asteriskIsForOptions() throws Exception {
        RtspUri uri = RtspUri.parse("*");
        assertTrue(uri.isAsterisk());
        assertEquals(OptionalInt.empty(), uri.trackId());
    }

    @Test
    public void trackUrlsRebuildFromTheBase() throws Exception {
        RtspUri uri = RtspUri.parse("rtsp://127.0.0.1:8554/movies/sample.mp4/trackID=2");
        assertEquals("rtsp://127.0.0.1:8554/movies/sample.mp4/trackID=2", uri.toString());
        assertEquals(uri.baseUrl() + "/trackID=2", uri.toString());
    }
}
