package org.tributary.rtp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;

import org.junit.Test;

public class HevcDecoderConfigTest {

    // Main profile, level 3.1, length size 4, arrays: VPS, SPS, PPS with one unit each
    private static final byte[] RECORD = HexFormat.of().parseHex("010160000000900000000000"
            + "5df000fcfdf8f800000f03" + "a000010004400c0c01" + "a10001000542010101a0" + "a20001000444c17201");

    @Test
    public void readsProfileTierLevelAndParameterSetsInOrder() {
        HevcDecoderConfig config = HevcDecoderConfig.parse(RECORD);

        assertEquals(1, config.profileId());
        assertEquals(0, config.tierFlag());
        assertEquals(0, config.profileSpace());
        assertEquals(93, config.levelId());
        assertEquals(3, config.parameterSets().size());
        assertEquals("400c0c01", HexFormat.of().formatHex(config.parameterSets().get(0)));
        assertEquals("44c17201", HexFormat.of().formatHex(config.parameterSets().get(2)));
    }

    @Test
    public void truncatedOrIncompleteRecordsAreRefusedWithTheCause() {
        assertMalformed(Arrays.copyOf(RECORD, 20), "shorter than the 23-byte minimum");
        assertMalformed(Arrays.copyOf(RECORD, RECORD.length - 2), "array #3 NAL unit #1 length 4 does not fit the 2 bytes left");
        assertMalformed(Arrays.copyOf(RECORD, 24), "array #1 header runs past the end");
        byte[] noPps = Arrays.copyOf(RECORD, RECORD.length);
        noPps[22] = 2;
        assertMalformed(noPps, "holds no PPS");
        byte[] version = RECORD.clone();
        version[0] = 0;
        assertMalformed(version, "configurationVersion 0 is not 1");
    }

    private static void assertMalformed(byte[] record, String cause) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HevcDecoderConfig.parse(record));
        assertTrue(e.getMessage(), e.getMessage().startsWith("malformed hvcC (" + record.length + " bytes)"));
        assertTrue(e.getMessage(), e.getMessage().endsWith(cause));
    }
}
