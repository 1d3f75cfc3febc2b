package org.tributary.rtp;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.tributary.rtp.RecordingSink.bytes;
import static org.tributary.rtp.RecordingSink.concat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;
import org.tributary.api.MediaException;

/** Vectors computed by hand from RFC 4629 section 5.1 (H.263+ payload header) and 6.1.1 (picture start). */
public class H263PacketizerTest {

    /** A picture: the start code 0000 80 (22 bits with the temporal reference), then a counting pattern. */
    private static byte[] picture(int size) {
        byte[] picture = new byte[size];
        for (int i = 3; i < size; i++) {
            picture[i] = (byte) (i * 11);
        }
        picture[2] = (byte) 0x80;
        return picture;
    }

    private static List<RecordingSink.Payload> packetize(int maxPayload, byte[] sample) throws MediaException {
        return RecordingSink.packetize(new H263Packetizer(maxPayload), ByteBuffer.wrap(sample));
    }

    @Test
    public void smallPictureGoesWithPBitAndWithoutTheStartCodeZeros() throws MediaException {
        byte[] picture = picture(40);

        List<RecordingSink.Payload> p = packetize(1400, picture);

        // RR=0, P=1, V=0, PLEN=0, PEBIT=0: 0x0400
        assertEquals(1, p.size());
        assertArrayEquals(concat(bytes(0x04, 0x00), Arrays.copyOfRange(picture, 2, 40)), p.get(0).bytes());
        assertTrue(p.get(0).marker());
    }

    @Test
    public void largePictureContinuesWithoutPBit() throws MediaException {
        byte[] picture = picture(3000);

        List<RecordingSink.Payload> p = packetize(1400, picture);

        // 2998 bytes after the two zeros, 1398 per packet: 1398 + 1398 + 202
        assertEquals(3, p.size());
        assertArrayEquals(concat(bytes(0x04, 0x00), Arrays.copyOfRange(picture, 2, 1400)), p.get(0).bytes());
        assertArrayEquals(concat(bytes(0x00, 0x00), Arrays.copyOfRange(picture, 1400, 2798)), p.get(1).bytes());
        assertArrayEquals(concat(bytes(0x00, 0x00), Arrays.copyOfRange(picture, 2798, 3000)), p.get(2).bytes());
        assertFalse(p.get(0).marker());
        assertFalse(p.get(1).marker());
        assertTrue(p.get(2).marker());
    }

    @Test
    public void sampleWithoutStartCodeIsSentWholeWithoutPBit() throws MediaException {
        byte[] fragment = bytes(0x12, 0x34, 0x56);

        List<RecordingSink.Payload> p = packetize(1400, fragment);

        assertArrayEquals(bytes(0x00, 0x00, 0x12, 0x34, 0x56), p.get(0).bytes());
        assertTrue(packetize(1400, new byte[0]).isEmpty());
    }
}
