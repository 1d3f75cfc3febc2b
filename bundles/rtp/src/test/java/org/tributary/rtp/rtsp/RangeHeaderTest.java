package org.tributary.rtp.rtsp;

import org.junit.Test;

import java.util.OptionalDouble;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

public class RangeHeaderTest {

    /** Client header, start seconds (NaN for now), end seconds (NaN for open), formatted. */
    private static final Object[][] VALID = {
        {"npt=5-", 5.0, Double.NaN, "npt=5.000-"},
        {"npt=0-", 0.0, Double.NaN, "npt=0.000-"},
        {"npt=0.000-", 0.0, Double.NaN, "npt=0.000-"},
        {"npt=5.123-10", 5.123, 10.0, "npt=5.123-10.000"},
        {"npt=5.-10.5", 5.0, 10.5, "npt=5.000-10.500"},
        {"npt=now-", Double.NaN, Double.NaN, "npt=now-"},
        {"npt=NOW-", Double.NaN, Double.NaN, "npt=now-"},
        {"npt=00:01:02.5-", 62.5, Double.NaN, "npt=62.500-"},
        {"npt=1:00:00-1:00:10.25", 3600.0, 3610.25, "npt=3600.000-3610.250"},
        {"npt=7-7", 7.0, 7.0, "npt=7.000-7.000"},
        {"NPT = 12.0004 - ", 12.0004, Double.NaN, "npt=12.000-"},
        {"npt=5-;time=19970123T143720Z", 5.0, Double.NaN, "npt=5.000-"},
        {"npt=0.000-60.000;time=20240101T000000Z", 0.0, 60.0, "npt=0.000-60.000"},
    };

    private static final String[][] MALFORMED = {
        {"npt=-5-10", "is not START-[END]"},
        {"npt=5", "is not START-[END]"},
        {"npt=5-10-", "is not START-[END]"},
        {"npt=-", "neither start nor end"},
        {"npt=abc-", "npt time \"abc\""},
        {"npt=1e3-", "npt time \"1e3\""},
        {"npt=0:60:00-", "above 59"},
        {"npt=0:00:60-", "above 59"},
        {"npt=5-now", "npt time \"now\""},
        {"npt=1234567890123-", "npt time \"1234567890123\""},
        {"5-10", "has no unit"},
        {"=5-", "has no unit"},
        {"", "has no unit"},
    };

    @Test
    public void validRangesParseAndFormat() throws Exception {
        for (Object[] row : VALID) {
            RangeHeader range = RangeHeader.parse((String) row[0]);
            assertEquals(row[0] + " start", optional((Double) row[1]), range.start());
            assertEquals(row[0] + " end", optional((Double) row[2]), range.end());
            assertEquals((String) row[0], row[3], range.toString());
            assertEquals(Double.isNaN((Double) row[1]), range.isNow());
        }
    }

    @Test
    public void malformedRangesAreBadRequests() {
        for (String[] row : MALFORMED) {
            try {
                RangeHeader.parse(row[0]);
                fail("accepted " + row[0]);
            } catch (MalformedHeaderException e) {
                assertTrue(row[0] + " -> " + e.getMessage(), e.getMessage().contains(row[1]));
                assertEquals(400, e.statusCode());
            } catch (RtspHeaderException e) {
                fail(row[0] + " -> " + e.statusCode() + " instead of 400: " + e.getMessage());
            }
        }
    }

    @Test
    public void otherUnitsAreNotImplemented() {
        for (String value : new String[] {"smpte=10:07:00-10:07:33:05.01", "smpte-25=0:00:00-",
            "clock=19961108T142300Z-", "bytes=0-100"}) {
            UnsupportedRangeUnitException e = assertThrows(UnsupportedRangeUnitException.class,
                    () -> RangeHeader.parse(value));
            assertEquals(501, e.statusCode());
            assertTrue(e.getMessage(), e.getMessage().contains(value.substring(0, value.indexOf('='))));
        }
    }

    @Test
    public void rangesThatCannotBeServedAreInvalidRanges() {
        for (String value : new String[] {"npt=10-5", "npt=-10", "npt=0:01:00-59.9"}) {
            InvalidRangeException e = assertThrows(InvalidRangeException.class, () -> RangeHeader.parse(value));
            assertEquals(457, e.statusCode());
        }
    }

    @Test
    public void factoriesFormatWithThreeDecimals() {
        assertEquals("npt=5.000-", RangeHeader.from(5).toString());
        assertEquals("npt=0.000-10.000", RangeHeader.between(0, 10).toString());
        assertEquals("npt=1.235-2.000", RangeHeader.between(1.2345, 2).toString());
        assertEquals("npt=now-", RangeHeader.now().toString());
        assertFalse(RangeHeader.from(0).isNow());
        assertEquals(RangeHeader.from(5), RangeHeader.between(5, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> RangeHeader.from(-1));
        assertThrows(IllegalArgumentException.class, () -> RangeHeader.between(5, 4));
        assertThrows(IllegalArgumentException.class, () -> RangeHeader.from(Double.POSITIVE_INFINITY));
    }

    private static OptionalDouble optional(double value) {
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
