package org.tributary.rtp;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.tributary.rtp.RecordingSink.bytes;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.Test;

public class RtpHeaderTest {

    @Test
    public void writesTheTwelveByteHeader() {
        ByteBuf out = Unpooled.buffer();

        RtpHeader.write(out, true, 96, 0x1234, 0x89AB_CDEFL, 0x1122_3344);

        assertArrayEquals(bytes(0x80, 0xE0, 0x12, 0x34, 0x89, 0xAB, 0xCD, 0xEF, 0x11, 0x22, 0x33, 0x44),
                ByteBufUtil.getBytes(out));
    }

    @Test
    public void writesOnlyTheLowBitsOfSequenceAndTimestamp() {
        ByteBuf out = Unpooled.buffer();

        RtpHeader.write(out, false, 14, 65_536 + 5, 0x1_0000_0007L, 0xFFFF_FFFF);

        assertArrayEquals(bytes(0x80, 0x0E, 0x00, 0x05, 0x00, 0x00, 0x00, 0x07, 0xFF, 0xFF, 0xFF, 0xFF),
                ByteBufUtil.getBytes(out));
    }

    @Test
    public void parsesWhatItWrites() {
        ByteBuf packet = Unpooled.buffer();
        packet.writeByte(0xAA);
        packet.readerIndex(1);
        RtpHeader.write(packet, true, 97, 65_535, 0xFFFF_FFFFL, -2);
        packet.writeBytes(bytes(1, 2, 3));

        RtpHeader header = RtpHeader.parse(packet);

        assertEquals(new RtpHeader(true, 97, 65_535, 0xFFFF_FFFFL, -2, 12, 3), header);
        assertArrayEquals(bytes(1, 2, 3), ByteBufUtil.getBytes(header.payload(packet)));
        assertEquals(1, packet.readerIndex());
    }

    @Test
    public void skipsCsrcListAndExtensionAndDropsPadding() {
        // V=2 P=1 X=1 CC=2; M=0 PT=8; two CSRCs; extension of one word; 2 payload bytes; 3 padding bytes
        ByteBuf packet = Unpooled.wrappedBuffer(bytes(0xB2, 0x08, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3,
                0, 0, 0, 4, 0, 0, 0, 5,
                0xBE, 0xDE, 0, 1, 9, 9, 9, 9,
                0x55, 0x66,
                0, 0, 3));

        RtpHeader header = RtpHeader.parse(packet);

        assertFalse(header.marker());
        assertEquals(8, header.payloadType());
        assertEquals(28, header.payloadOffset());
        assertEquals(2, header.payloadLength());
        assertArrayEquals(bytes(0x55, 0x66), ByteBufUtil.getBytes(header.payload(packet)));
    }

    @Test
    public void malformedPacketsAreRefusedWithTheirCause() {
        assertMalformed(bytes(0x80, 0x60, 0, 1), "shorter than the 12-byte header");
        assertMalformed(bytes(0x40, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0), "version 1, expected 2");
        assertMalformed(bytes(0x81, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0), "too short for its 1 CSRC identifiers");
        assertMalformed(bytes(0x90, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0), "too short for its header extension");
        assertMalformed(bytes(0x90, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0xBE, 0xDE, 0, 2, 0, 0, 0, 0),
                "header extension runs past the end");
        assertMalformed(bytes(0xA0, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0), "padding count 0 does not fit");
        assertMalformed(bytes(0xA0, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 2), "padding count 2 does not fit");
    }

    @Test
    public void refusesPayloadTypeOutsideSevenBits() {
        assertThrows(IllegalArgumentException.class, () -> RtpHeader.write(Unpooled.buffer(), false, 128, 0, 0, 0));
    }

    private static void assertMalformed(byte[] packet, String cause) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RtpHeader.parse(Unpooled.wrappedBuffer(packet)));
        assertTrue(e.getMessage(), e.getMessage().startsWith("malformed RTP packet of " + packet.length + " bytes: "));
        assertTrue(e.getMessage(), e.getMessage().contains(cause));
    }
}
