package org.tributary.rtp.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of {@link RangeHeader#parse}: any value parses or fails with an
 * {@link RtspHeaderException}; a parsed range is finite, starts at or before its end, and is written
 * back as a value that parses to the same range to the millisecond. Replays
 * {@code RangeHeaderFuzzTestInputs/}; {@code -Pfuzz} fuzzes it.
 */
class RangeHeaderFuzzTest {


    @FuzzTest(maxDuration = "2m")
    void parse(byte[] data) throws RtspHeaderException {
        RangeHeader range = HeaderFuzzing.parsedOrNull(data, RangeHeader::parse);
        if (range == null) {
            return;
        }
        range.start().ifPresent(start -> assertTrue(Double.isFinite(start) && start >= 0, range::toString));
        range.end().ifPresent(end -> assertTrue(Double.isFinite(end)
                && end >= range.start().orElse(0), range::toString));
        RangeHeader written = RangeHeader.parse(range.toString());
        assertEquals(written, RangeHeader.parse(written.toString()), range::toString);
        assertWrittenToTheMillisecond(range.start().orElse(-1), written.start().orElse(-1), range);
        assertWrittenToTheMillisecond(range.end().orElse(-1), written.end().orElse(-1), range);
    }

    /** Three decimals, half up: 66.0005 is written 66.001, give or take what doubles of that size hold. */
    private static void assertWrittenToTheMillisecond(double parsed, double written, RangeHeader range) {
        assertEquals(parsed, written, 0.0005 + 2 * Math.ulp(parsed), range::toString);
    }
}
