package org.tributary.rtp.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of {@link RtspUri#parse}: any request URI parses or fails with a
 * {@link MalformedHeaderException}; a parsed path starts with {@code /} (or is {@code *}) and holds no
 * control character, the base URL can go into a header as it is, and the URI written back parses
 * to the same path and track. Replays {@code RtspUriFuzzTestInputs/}; {@code -Pfuzz} fuzzes it.
 */
class RtspUriFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void parse(byte[] data) throws MalformedHeaderException {
        RtspUri uri = HeaderFuzzing.parsedOrNull(data, RtspUri::parse);
        if (uri == null || uri.isAsterisk()) {
            return;
        }
        assertTrue(uri.path().startsWith("/"), uri.path());
        assertFalse(HeaderSyntax.hasControl(uri.path()), uri.path());
        assertTrue(uri.baseUrl().chars().allMatch(c -> c > 0x20 && c < 0x7F && c != ',' && c != ';'),
                uri.baseUrl());
        String written = uri.toString().isEmpty() ? "/" : uri.toString();
        RtspUri again = RtspUri.parse(written);
        assertEquals(uri.path(), again.path(), written);
        assertEquals(uri.trackId(), again.trackId(), written);
    }
}
