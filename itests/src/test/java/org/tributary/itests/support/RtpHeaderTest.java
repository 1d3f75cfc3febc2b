package org.tributary.itests.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.ByteBuffer;
import org.junit.Test;

/** RTP fixed header parsing on byte-exact packets. */
public class RtpHeaderTest {

    @Test
    public void readsTheFixedHeader() {
        byte[] packet = {(byte) 0x80, (byte) 0xE0, (byte) 0xFF, (byte) 0xFE, (byte) 0xC0, 0, 0, 1,
            0x12, 0x34, 0x56, 0x78, 9, 9, 9};
        assertEquals(new RtpHeader(96, true, 0xFFFE, 0xC0000001L, 0x12345678L, 3),
                RtpHeader.parse(ByteBuffer.wrap(packet)));
    }

    @Test
    public void skipsCsrcsAndTheHeaderExtension() {
        ByteBuffer packet = ByteBuffer.allocate(12 + 4 + 4 + 4 + 2);
        packet.put((byte) 0x91).put((byte) 97).putShort((short) 1).putInt(2).putInt(3); // X=1, CC=1
        packet.putInt(0xCAFE).putShort((short) 0xBEDE).putShort((short) 1).putInt(0); // CSRC, extension of 1 word
        packet.put((byte) 1).put((byte) 2).flip();
        assertEquals(2, RtpHeader.parse(packet).payloadLength());
        assertEquals(0, packet.position());
    }

    @Test
    public void refusesShortOrWrongVersionPackets() {
        assertThrows(IllegalArgumentException.class, () -> RtpHeader.parse(ByteBuffer.wrap(new byte[11])));
        byte[] version1 = new byte[12];
        version1[0] = 0x40;
        assertThrows(IllegalArgumentException.class, () -> RtpHeader.parse(ByteBuffer.wrap(version1)));
    }

    @Test
    public void refusesAnExtensionLengthPastTheEnd() {
        ByteBuffer packet = ByteBuffer.allocate(16);
        packet.put((byte) 0x90).put((byte) 96).putShort((short) 1).putInt(2).putInt(3);
        packet.putShort((short) 0xBEDE).putShort((short) 0x7FFF).flip();
        assertThrows(IllegalArgumentException.class, () -> RtpHeader.parse(packet));
    }
}
