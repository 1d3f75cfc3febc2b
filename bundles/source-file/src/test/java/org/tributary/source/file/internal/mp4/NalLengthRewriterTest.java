package org.tributary.source.file.internal.mp4;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertThrows;

import java.nio.ByteBuffer;
import java.util.HexFormat;

import org.junit.Test;

public class NalLengthRewriterTest {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] rewrite(String sample, int lengthSize) throws Mp4FormatException {
        return TestMovies.bytes(NalLengthRewriter.toFourByteLengths(ByteBuffer.wrap(HEX.parseHex(sample)), lengthSize));
    }

    @Test
    public void oneByteLengths() throws Exception {
        assertArrayEquals(HEX.parseHex("0000000267aa" + "0000000168"), rewrite("0267aa" + "0168", 1));
    }

    @Test
    public void threeByteLengths() throws Exception {
        assertArrayEquals(HEX.parseHex("0000000465010203"), rewrite("00000465010203", 3));
    }

    @Test
    public void emptySampleStaysEmpty() throws Exception {
        assertArrayEquals(new byte[0], rewrite("", 2));
    }

    @Test
    public void cutPrefixOrOverrunningUnitIsRefused() {
        assertThrows(Mp4FormatException.class, () -> rewrite("000265aa00", 2));
        assertThrows(Mp4FormatException.class, () -> rewrite("0005650000", 2));
    }
}
