package org.tributary.rtp.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;

import org.junit.Test;

public class AvcDecoderConfigTest {

    /** The avcC of the distribution's sample.mp4, as {@code ffprobe -show_data} prints its extradata. */
    private static final byte[] REAL_AVCC = HexFormat.of().parseHex(
            "014d401effe10018674d401eeca05017fcb808800000030080000019078b16cb010004" + "68efbc80");

    @Test
    public void parsesTheRealRecord() {
        AvcDecoderConfig config = AvcDecoderConfig.parse(REAL_AVCC);

        assertEquals(1, config.sequenceParameterSets().size());
        assertArrayEquals(Arrays.copyOfRange(REAL_AVCC, 8, 32), config.sequenceParameterSets().get(0));
        assertArrayEquals(HexFormat.of().parseHex("68efbc80"), config.pictureParameterSets().get(0));
        assertEquals("4D401E", config.profileLevelId());
        assertEquals(2, config.parameterSets().size());
    }

    @Test
    public void everyTruncationIsRefusedWithAMessage() {
        for (int length = 0; length < REAL_AVCC.length; length++) {
            byte[] cut = Arrays.copyOf(REAL_AVCC, length);

            IllegalArgumentException e = assertThrows("length " + length, IllegalArgumentException.class,
                    () -> AvcDecoderConfig.parse(cut));

            assertTrue(e.getMessage(), e.getMessage().startsWith("malformed avcC (" + length + " bytes): "));
        }
    }

    @Test
    public void inconsistentFieldsAreNamed() {
        assertMalformed(with(0, 0), "configurationVersion 0 is not 1");
        assertMalformed(with(5, 0xE0), "holds no SPS");
        assertMalformed(with(7, 0xFF), "SPS #1 length 255 does not fit the 31 bytes left");
        assertMalformed(with(8, 0x68), "SPS #1 has NAL type 8, not 7");
        assertMalformed(with(32, 0), "holds no PPS");
        assertMalformed(with(35, 0x67), "PPS #1 has NAL type 7, not 8");
    }

    private static byte[] with(int index, int value) {
        byte[] changed = REAL_AVCC.clone();
        changed[index] = (byte) value;
        return changed;
    }

    private static void assertMalformed(byte[] record, String cause) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AvcDecoderConfig.parse(record));
        assertEquals("malformed avcC (" + record.length + " bytes): " + cause, e.getMessage());
    }
}
