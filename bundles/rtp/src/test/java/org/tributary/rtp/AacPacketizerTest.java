package org.tributary.rtp;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.tributary.rtp.RecordingSink.bytes;
import static org.tributary.rtp.RecordingSink.concat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;
import org.tributary.api.MediaException;

public class AacPacketizerTest {

    private static byte[] accessUnit(int size) {
        byte[] au = new byte[size];
        for (int i = 0; i < size; i++) {
            au[i] = (byte) (i * 13 + 1);
        }
        return au;
    }

    private static List<RecordingSink.Payload> packetize(int maxPayload, byte[] au) throws MediaException {
        RecordingSink sink = new RecordingSink();
        new AacPacketizer(maxPayload).packetize(ByteBuffer.wrap(au), sink);
        return sink.payloads;
    }

    @Test
    public void oneAccessUnitPerPacketWithItsAuHeader() throws MediaException {
        byte[] au = accessUnit(371);

        List<RecordingSink.Payload> p = packetize(1400, au);

        // AU-headers-length 16 bits; AU-size 371 << 3 | index 0 = 0x0B98
        assertEquals(1, p.size());
        assertArrayEquals(concat(bytes(0x00, 0x10, 0x0B, 0x98), au), p.get(0).bytes());
        assertTrue(p.get(0).marker());
    }

    @Test
    public void largeAccessUnitIsFragmentedWithTheWholeSizeInEachHeader() throws MediaException {
        byte[] au = accessUnit(3000);

        List<RecordingSink.Payload> p = packetize(1400, au);

        // 1396 bytes of AU per packet: 1396 + 1396 + 208; AU-size 3000 << 3 = 0x5DC0
        assertEquals(3, p.size());
        byte[] header = bytes(0x00, 0x10, 0x5D, 0xC0);
        assertArrayEquals(concat(header, Arrays.copyOfRange(au, 0, 1396)), p.get(0).bytes());
        assertArrayEquals(concat(header, Arrays.copyOfRange(au, 1396, 2792)), p.get(1).bytes());
        assertArrayEquals(concat(header, Arrays.copyOfRange(au, 2792, 3000)), p.get(2).bytes());
        assertFalse(p.get(0).marker());
        assertFalse(p.get(1).marker());
        assertTrue(p.get(2).marker());
    }

    @Test
    public void accessUnitThatExactlyFillsThePayloadIsNotFragmented() throws MediaException {
        List<RecordingSink.Payload> p = packetize(1400, accessUnit(1396));

        assertEquals(1, p.size());
        assertEquals(1400, p.get(0).bytes().length);
    }

    @Test
    public void largestAuSizeIsAcceptedAndOneMoreIsRefused() throws MediaException {
        List<RecordingSink.Payload> p = packetize(RtpPacketizer.MAX_MAX_PAYLOAD, accessUnit(8191));
        assertArrayEquals(bytes(0x00, 0x10, 0xFF, 0xF8), Arrays.copyOf(p.get(0).bytes(), 4));

        MediaException e = assertThrows(MediaException.class, () -> packetize(1400, accessUnit(8192)));
        assertEquals(MediaException.Reason.CORRUPT, e.reason());
        assertEquals("AAC sample: access unit of 8192 bytes exceeds the 8191 bytes a 13-bit AU-size can express",
                e.getMessage());
    }

    @Test
    public void emptySampleSendsNothing() throws MediaException {
        assertTrue(packetize(1400, new byte[0]).isEmpty());
    }

    @Test
    public void sampleWindowIsRespected() throws MediaException {
        byte[] au = accessUnit(5);
        ByteBuffer sample = ByteBuffer.wrap(concat(bytes(0xEE), au, bytes(0xEE))).position(1).limit(6);
        RecordingSink sink = new RecordingSink();

        new AacPacketizer(1400).packetize(sample, sink);

        assertArrayEquals(concat(bytes(0x00, 0x10, 0x00, 0x28), au), sink.payloads.get(0).bytes());
        assertEquals(1, sample.position());
    }
}
