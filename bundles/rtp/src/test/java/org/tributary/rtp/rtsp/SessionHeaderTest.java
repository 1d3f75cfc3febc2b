package org.tributary.rtp.rtsp;

import org.junit.Test;

import java.util.OptionalInt;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

public class SessionHeaderTest {

    /** Client header, id, timeout (-1 when absent), formatted. */
    private static final Object[][] VALID = {
        {"12345678", "12345678", -1, "12345678"},
        {"1A2B3C4D5E6F7081;timeout=60", "1A2B3C4D5E6F7081", 60, "1A2B3C4D5E6F7081;timeout=60"},
        {" 47112344 ; timeout = 30 ", "47112344", 30, "47112344;timeout=30"},
        {"abc$-_.+xyz;TIMEOUT=5;other=1", "abc$-_.+xyz", 5, "abc$-_.+xyz;timeout=5"},
        {"7", "7", -1, "7"},
        {"x".repeat(64), "x".repeat(64), -1, "x".repeat(64)},
    };

    private static final String[][] MALFORMED = {
        {"", "identifier is empty"},
        {";timeout=60", "identifier is empty"},
        {"x".repeat(65), "65 characters exceeds 64"},
        {"abc\u0001def", "U+0001"},
        {"abc def", "U+0020"},
        {"abc\u00e9", "U+00E9"},
        {"12345678;timeout=0", "Session timeout 0 is outside"},
        {"12345678;timeout=-5", "Session timeout \"-5\""},
        {"12345678;timeout=abc", "Session timeout \"abc\""},
        {"12345678;timeout=99999999999", "Session timeout 99999999999 is outside"},
        {"12345678;timeout", "timeout has no value"},
    };

    @Test
    public void validHeadersParseAndFormat() throws Exception {
        for (Object[] row : VALID) {
            SessionHeader header = SessionHeader.parse((String) row[0]);
            assertEquals(row[1], header.id());
            int timeout = (Integer) row[2];
            assertEquals(timeout < 0 ? OptionalInt.empty() : OptionalInt.of(timeout), header.timeout());
            assertEquals(row[3], header.toString());
        }
    }

    @Test
    public void malformedHeadersAreBadRequests() {
        for (String[] row : MALFORMED) {
            try {
                SessionHeader.parse(row[0]);
                fail("accepted " + row[0]);
            } catch (MalformedHeaderException e) {
                assertTrue(row[0] + " -> " + e.getMessage(), e.getMessage().contains(row[1]));
                assertEquals(400, e.statusCode());
            }
        }
    }

    @Test
    public void serverHeadersFormatWithTimeout() {
        assertEquals("DEADBEEF01234567;timeout=60", SessionHeader.of("DEADBEEF01234567", 60).toString());
        assertEquals("DEADBEEF01234567", SessionHeader.of("DEADBEEF01234567").toString());
        assertEquals(SessionHeader.of("ab12cd34", 60), SessionHeader.of("ab12cd34", 60));
        assertThrows(IllegalArgumentException.class, () -> SessionHeader.of("ab;cd"));
        assertThrows(IllegalArgumentException.class, () -> SessionHeader.of("ab12cd34", 0));
    }
}
