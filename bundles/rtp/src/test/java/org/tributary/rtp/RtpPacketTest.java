package org.tributary.rtp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.tributary.rtp.TestPackets.bytes;

import java.nio.ByteBuffer;

import org.junit.Test;

public class RtpPacketTest {

    private static void assertMalformed(ByteBuffer packet, String expected) {
        MalformedRtpException e = assertThrows(MalformedRtpException.class, () -> RtpPacket.parse(packet));
        assertEquals("malformed RTP packet of " + packet.remaining() + " bytes: " + expected, e.getMessage());
    }

    @Test
    public void plainHeader() throws Exception {
        assertEquals(new RtpPacket(96, false, 1, 90001, 0x11223344, 12, 2),
                RtpPacket.parse(TestPackets.packet(96, 1, 0x65, 0x88)));
    }

    @Test
    public void csrcsExtensionAndPaddingAreSkipped() throws Exception {
        ByteBuffer packet = bytes(0xB1, 0xE0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, // V=2 P X CC=1, M, PT 96
                9, 9, 9, 9,                 // CSRC
                0xBE, 0xDE, 0, 1, 1, 2, 3, 4, // extension of one word
                0x41, 0x42, 0x43, 0, 0, 3);   // payload of 3, padding of 3
        assertEquals(new RtpPacket(96, true, 1, 1, 2, 24, 3), RtpPacket.parse(packet));
    }

    @Test
    public void honoursTheBufferPosition() throws Exception {
        ByteBuffer packet = TestPackets.packet(97, 1, 7);
        ByteBuffer framed = ByteBuffer.allocate(4 + packet.remaining()).put(new byte[] {'$', 0, 0, 13}).put(packet);
        framed.position(4);
        assertEquals(new RtpPacket(97, false, 1, 90001, 0x11223344, 12, 1), RtpPacket.parse(framed));
        assertEquals(4, framed.position());
        assertEquals(17, framed.limit());
    }

    @Test
    public void brokenHeaders() {
        assertMalformed(bytes(0x80, 96, 0, 1), "shorter than the 12-byte header");
        assertMalformed(bytes(0x40, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1), "version 1, expected 2");
        assertMalformed(bytes(0x8F, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1), "too short for its 15 CSRC identifiers");
        assertMalformed(bytes(0x90, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0xBE, 0xDE),
                "too short for its header extension");
        assertMalformed(bytes(0x90, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0xBE, 0xDE, 0xFF, 0xFF),
                "header extension runs past the end");
        assertMalformed(bytes(0xA0, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 9),
                "padding count 9 does not fit after the 12-byte header");
        assertMalformed(bytes(0xA0, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0),
                "padding count 0 does not fit after the 12-byte header");
        assertMalformed(bytes(0xA0, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0),
                "padding count 0 does not fit after the 12-byte header");
    }
}
