package org.tributary.webconsole.internal.log;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

public class WarningCaptureTest {

    @Test
    public void keepsTheNewestLinesNewestFirst() {
        WarningCapture capture = new WarningCapture();
        for (int i = 0; i < WarningCapture.CAPACITY + 10; i++) {
            capture.add("line " + i);
        }

        assertEquals(List.of("line 509", "line 508"), capture.recent(2));
        assertEquals(WarningCapture.CAPACITY, capture.recent(10_000).size());
        assertEquals("line 10", capture.recent(10_000).get(WarningCapture.CAPACITY - 1));
    }
}
