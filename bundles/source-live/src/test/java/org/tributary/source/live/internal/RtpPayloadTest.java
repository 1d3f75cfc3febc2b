package org.tributary.source.live.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.tributary.source.live.internal.RtpPackets.bytes;

import java.nio.ByteBuffer;

import org.junit.Test;

public class RtpPayloadTest {

    private static void assertMalformed(ByteBuffer packet, String expected) {
        try {
            RtpPayload.of(packet);
            fail("accepted");
        } catch (MalformedPacketException e) {
            assertEquals(expected, e.getMessage());
        }
    }

    @Test
    public void plainHeader() throws Exception {
        assertEquals(new RtpPayload(96, 12, 2), RtpPayload.of(RtpPackets.packet(96, 1, 0x65, 0x88)));
    }

    @Test
    public void csrcsExtensionAndPaddingAreSkipped() throws Exception {
        ByteBuffer packet = bytes(0xB1, 0xE0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, // V=2 P X CC=1, M, PT 96
                9, 9, 9, 9,                 // CSRC
                0xBE, 0xDE, 0, 1, 1, 2, 3, 4, // extension of one word
                0x41, 0x42, 0x43, 0, 0, 3);   // payload of 3, padding of 3
        assertEquals(new RtpPayload(96, 24, 3), RtpPayload.of(packet));
    }

    @Test
    public void honoursTheBufferPosition() throws Exception {
        ByteBuffer packet = RtpPackets.packet(97, 1, 7);
        ByteBuffer framed = ByteBuffer.allocate(4 + packet.remaining()).put(new byte[] {'$', 0, 0, 13}).put(packet);
        framed.position(4);
        assertEquals(new RtpPayload(97, 16, 1), RtpPayload.of(framed));
        assertEquals(4, framed.position());
    }

    @Test
    public void brokenHeaders() {
        assertMalformed(bytes(0x80, 96, 0, 1), "RTP packet of 4 bytes, shorter than its header");
        assertMalformed(bytes(0x40, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1), "RTP version 1 instead of 2");
        assertMalformed(bytes(0x8F, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1),
                "RTP CSRC list or header extension beyond the packet end");
        assertMalformed(bytes(0x90, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0xBE, 0xDE),
                "RTP header extension beyond the packet end");
        assertMalformed(bytes(0x90, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0xBE, 0xDE, 0xFF, 0xFF),
                "RTP CSRC list or header extension beyond the packet end");
        assertMalformed(bytes(0xA0, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 9), "RTP padding of 9 bytes in a payload of 2");
        assertMalformed(bytes(0xA0, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0), "RTP padding of 0 bytes in a payload of 2");
        assertMalformed(bytes(0xA0, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0), "RTP padding of 0 bytes in a payload of 0");
    }
}
