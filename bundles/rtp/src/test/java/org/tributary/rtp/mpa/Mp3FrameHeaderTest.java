package org.tributary.rtp.mpa;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import org.junit.Test;

public class Mp3FrameHeaderTest {

    @Test
    public void frameHeaderTablesGiveSizes() {
        // MPEG-1 layer III, 128 kbps, 44.1 kHz, padding, joint stereo: 144 * 128000 / 44100 + 1
        Mp3FrameHeader header = Mp3FrameHeader.parse(0xFFFB9264);
        assertEquals(418, header.frameSize());
        assertEquals(2, header.channels());
        assertEquals(1152, header.samplesPerFrame());
        // MPEG-2.5 layer III, 8 kbps, 8 kHz, mono: 72 * 8000 / 8000
        Mp3FrameHeader low = Mp3FrameHeader.parse(0xFFE318C0);
        assertEquals(72, low.frameSize());
        assertEquals(8000, low.sampleRate());
        assertEquals(1, low.channels());
        assertEquals(576, low.samplesPerFrame());
        // layer II, free format, bad bitrate, reserved rate and version are refused
        for (int word : new int[] {0xFFFD9264, 0xFFFB0264, 0xFFFBF264, 0xFFFB9E64, 0xFFEB9264, 0x7FFB9264}) {
            if (Mp3FrameHeader.parse(word) != null) {
                fail(Integer.toHexString(word) + " was accepted");
            }
        }
    }
}
