package org.tributary.rtp.rtsp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class ScaleHeaderTest {

    @Test
    public void everyForwardRateIsPlayedAtOne() throws Exception {
        for (String value : new String[] {"1", "1.0", " 2 ", "0.5", "16.", "123456789.123456789"}) {
            assertEquals(value, ScaleHeader.NORMAL, ScaleHeader.choose(value));
        }
    }

    @Test
    public void reversePlayIs456() {
        for (String value : new String[] {"-1", "-0.5", "-2.0"}) {
            RtspHeaderException e = assertThrows(value, RtspHeaderException.class, () -> ScaleHeader.choose(value));
            assertEquals(456, e.statusCode());
        }
    }

    @Test
    public void zeroAndWhatIsNoNumberAre400() {
        for (String value : new String[] {"0", "0.000", "-0", "NaN", "Infinity", "-Infinity", "1e3", "+2", "", ".5",
                "1,5", "0x10", "1234567890", "1.1234567890", "fast", "1;x"}) {
            RtspHeaderException e = assertThrows(value, RtspHeaderException.class, () -> ScaleHeader.choose(value));
            assertEquals(value, 400, e.statusCode());
        }
    }
}
