package org.tributary.itests.bench;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.Test;
import org.tributary.itests.support.RtpHeader;

/** The probe packets the live benchmark publishes, byte for byte, and read back. */
public class ProbePacketTest {

    @Test
    public void writesHeaderAndProbeThenZeros() {
        ByteBuffer packet = ByteBuffer.allocate(64);
        ProbePacket.write(packet, 32, 96, 0xCAFEBABEL, 0x1_0002L, 0x11223344L, 0x0102030405060708L);
        byte[] bytes = new byte[packet.remaining()];
        packet.duplicate().get(bytes);
        byte[] expected = {(byte) 0x80, 96, 0x00, 0x02, 0x11, 0x22, 0x33, 0x44,
            (byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE,
            1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0, 0, 1, 0, 2, 0, 0, 0, 0};
        assertArrayEquals(expected, bytes);

        RtpHeader header = RtpHeader.parse(packet);
        assertEquals(new RtpHeader(96, false, 2, 0x11223344L, 0xCAFEBABEL, 20), header);
        assertEquals(new ProbePacket.Probe(0x0102030405060708L, 0x1_0002L), ProbePacket.read(header, packet));
    }

    @Test
    public void readsBehindALongerHeader() {
        byte[] bytes = new byte[12 + 4 + 16];
        bytes[0] = (byte) 0x81; // one CSRC
        bytes[12 + 4 + 7] = 9;
        bytes[12 + 4 + 15] = 3;
        ByteBuffer packet = ByteBuffer.wrap(bytes);
        assertEquals(new ProbePacket.Probe(9, 3), ProbePacket.read(RtpHeader.parse(packet), packet));
    }

    @Test
    public void refusesAPayloadTooShortForTheProbe() {
        ByteBuffer packet = ByteBuffer.wrap(Arrays.copyOf(new byte[] {(byte) 0x80, 96}, 27));
        assertThrows(IllegalArgumentException.class, () -> ProbePacket.read(RtpHeader.parse(packet), packet));
        assertThrows(IllegalArgumentException.class,
                () -> ProbePacket.write(ByteBuffer.allocate(64), 27, 96, 1, 0, 0, 0));
    }
}
