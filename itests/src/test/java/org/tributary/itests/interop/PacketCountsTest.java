package org.tributary.itests.interop;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** Counting framecrc lines per stream. */
public class PacketCountsTest {

    @Test
    public void countsLinesOfStreamsZeroAndOne() {
        String listing = String.join("\n",
                "#tb 0: 1/90000", "#stream#, dts, pts, duration, size, hash",
                "0,          0,          0,     3600,    20117, 0x9f1ed2b7",
                "1,          0,          0,     1024,        6, 0x04a4016f",
                "1,       1024,       1024,     1024,      197, 0x7f9e5a55",
                "10,         0,          0,        1,        1, 0x00000000", "");
        assertEquals(new PacketCounts(1, 2), PacketCounts.ofFramecrc(listing));
    }
}
