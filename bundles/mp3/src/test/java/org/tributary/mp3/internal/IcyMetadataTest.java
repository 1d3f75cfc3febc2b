package org.tributary.mp3.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.Test;

public class IcyMetadataTest {

    private static String text(ByteBuffer block) {
        byte[] bytes = new byte[block.remaining() - 1];
        block.duplicate().position(1).get(bytes);
        return new String(bytes, StandardCharsets.UTF_8).replace("\0", "");
    }

    @Test
    public void aBlockIsALengthByteAndATitlePaddedToSixteen() {
        ByteBuffer block = IcyMetadata.block("Tone");
        // StreamTitle='Tone'; is 20 bytes: two units of 16
        assertEquals(2, block.get(0));
        assertEquals(33, block.remaining());
        assertEquals("StreamTitle='Tone';", text(block));
        assertTrue(block.isReadOnly());
    }

    @Test
    public void titlesAreUtf8WithQuotesEscapedAndControlsDropped() {
        assertEquals("StreamTitle='Caf\u00e9 \u266b \\'n\\' Bl\\\\ues';",
                text(IcyMetadata.block("Caf\u00e9 \u266b 'n' Bl\\ues\r\n")));
    }

    @Test
    public void aLongTitleIsCutToTheLargestBlockOnACharacterBoundary() {
        ByteBuffer block = IcyMetadata.block("\u266b".repeat(3000));
        assertEquals(255, block.get(0) & 0xFF);
        assertEquals(1 + 255 * 16, block.remaining());
        String text = text(block);
        assertTrue(text, text.endsWith("\u266b';"));
    }

    @Test
    public void unchangedIsOneZeroByte() {
        assertEquals(1, IcyMetadata.UNCHANGED.remaining());
        assertEquals(0, IcyMetadata.UNCHANGED.get(0));
    }
}
