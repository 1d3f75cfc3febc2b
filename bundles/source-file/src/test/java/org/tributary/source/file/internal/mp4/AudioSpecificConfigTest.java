package org.tributary.source.file.internal.mp4;

import static org.junit.Assert.assertEquals;

import java.util.HexFormat;

import org.junit.Test;

public class AudioSpecificConfigTest {

    private static AudioSpecificConfig parse(String hex) {
        return AudioSpecificConfig.parse(HexFormat.of().parseHex(hex));
    }

    @Test
    public void lowComplexityStereo48k() {
        // the sample's config: object type 2, frequency index 3, channel configuration 2
        assertEquals(new AudioSpecificConfig(48000, 2), parse("119056e500"));
    }

    @Test
    public void explicitFrequencyAndEscapedObjectType() {
        // object type 31+1 (escape), frequency index 15 then 24 bits = 50000, channel configuration 1
        // bits: 11111 000001 1111 000000001100001101010000 0001
        assertEquals(new AudioSpecificConfig(50000, 1), parse("f83e0186a020"));
    }

    @Test
    public void eightChannelsAndTooShort() {
        // object type 2, frequency index 4 (44100), channel configuration 7 = 7.1
        assertEquals(new AudioSpecificConfig(44100, 8), parse("1238"));
        assertEquals(new AudioSpecificConfig(0, 0), parse("12"));
    }
}
