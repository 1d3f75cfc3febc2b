package org.tributary.source.file.internal.mp4;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.tributary.source.file.internal.mp4.MovieBuilder.cat;
import static org.tributary.source.file.internal.mp4.MovieBuilder.fullBox;
import static org.tributary.source.file.internal.mp4.MovieBuilder.u32;

import java.nio.ByteBuffer;

import org.junit.Test;

public class DecodeTimesTest {

    /** stts runs: 3 samples of 10, an empty run, 2 of 0, 1 of 5: times 0 10 20 30 30 30. */
    private static Box stts() throws Mp4FormatException {
        byte[] box = fullBox("stts", u32(4), cat(u32(3), u32(10)), cat(u32(0), u32(99)), cat(u32(2), u32(0)),
                cat(u32(1), u32(5)));
        return Box.parse(ByteBuffer.wrap(box), "test").get(0);
    }

    @Test
    public void timesAndDurationsFollowTheRuns() throws Exception {
        DecodeTimes times = DecodeTimes.parse(stts(), 6);
        long[] expected = {0, 10, 20, 30, 30, 30};
        for (int i = 0; i < expected.length; i++) {
            assertEquals("sample " + i, expected[i], times.time(i));
        }
        assertEquals(0, times.duration(3));
        assertEquals(5, times.duration(5));
        assertEquals(35, times.end());
    }

    @Test
    public void sampleAtFindsTheLastSampleStartedByThen() throws Exception {
        DecodeTimes times = DecodeTimes.parse(stts(), 6);
        assertEquals(0, times.sampleAt(9));
        assertEquals(2, times.sampleAt(29));
        assertEquals(5, times.sampleAt(30));
        assertEquals(5, times.sampleAt(1000));
        assertEquals(-1, times.sampleAt(-1));
    }

    @Test
    public void extraRunsAreCutAndMissingOnesRefused() throws Exception {
        assertEquals(20, DecodeTimes.parse(stts(), 2).end());
        assertThrows(Mp4FormatException.class, () -> DecodeTimes.parse(stts(), 7));
    }
}
