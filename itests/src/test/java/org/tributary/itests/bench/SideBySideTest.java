package org.tributary.itests.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** One comparison row and its ratio. */
public class SideBySideTest {

    @Test
    public void ratioOfTheMeans() {
        SideBySide row = new SideBySide("2: file viewers", 200, "gst", new double[] {20, 30}, new double[] {100, 100},
                "0.000 %", "0.100 %", new double[] {2.5, 3.5}, "0.50 0.40 0.30");
        assertEquals(0.25, row.ratio(), 1e-9);
        assertEquals("| 2: file viewers | 200 | 25.0 % (20.0 / 30.0) | gst | 100.0 % (100.0 / 100.0) | 0.25x "
                + "| 0.000 % / 0.100 % | 2.5–3.5 % | 0.50 0.40 0.30 |", row.row());
    }

    @Test
    public void noRatioWithoutAReferenceFigure() {
        SideBySide row = new SideBySide("4", 10, "ref", new double[] {5}, new double[] {0}, "0", "0", new double[] {1},
                "1 1 1");
        assertTrue(Double.isNaN(row.ratio()));
        assertTrue(row.row().startsWith("| 4 | 10 | 5.0 % | ref | 0.0 % | NaNx |"));
    }
}
