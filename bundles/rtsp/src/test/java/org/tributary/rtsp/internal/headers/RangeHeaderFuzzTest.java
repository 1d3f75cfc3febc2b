package org.tributary.rtsp.internal.headers;

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
        RangeHeader range;
        try {
            range = RangeHeader.parse(HeaderFuzzing.latin1(data));
        } catch (RtspHeaderException refused) {
            return;
        }
        range.start().ifPresent(start -> assertTrue(Double.isFinite(start) && start >= 0, range::toString));
        range.end().ifPresent(end -> assertTrue(Double.isFinite(end)
                && end >= range.start().orElse(0), range::toString));
        RangeHeader written = RangeHeader.parse(range.toString());
        assertEquals(written, RangeHeader.parse(written.toString()), range::toString);
        assertEquals(range.start().orElse(-1), written.start().orElse(-1), 0.0005, range::toString);
        assertEquals(range.end().orElse(-1), written.end().orElse(-1), 0.0005, range::toString);
    }
}
