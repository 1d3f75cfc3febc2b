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

/** Vectors computed by hand from RFC 2250 section 3.5 (MPEG audio-specific header). */
public class MpaPacketizerTest {

    private static byte[] frame(int size) {
        byte[] frame = new byte[size];
        for (int i = 0; i < size; i++) {
            frame[i] = (byte) (i * 13 + 1);
        }
        frame[0] = (byte) 0xFF;
        frame[1] = (byte) 0xFB;
        return frame;
    }

    private static List<RecordingSink.Payload> packetize(int maxPayload, ByteBuffer sample) throws MediaException {
        return RecordingSink.packetize(new MpaPacketizer(maxPayload), sample);
    }

    @Test
    public void frameGoesWholeAfterAZeroHeader() throws MediaException {
        byte[] frame = frame(417); // 128 kbps, 44.1 kHz, with padding

        List<RecordingSink.Payload> p = packetize(1400, ByteBuffer.wrap(frame));

        assertEquals(1, p.size());
        assertArrayEquals(concat(bytes(0, 0, 0, 0), frame), p.get(0).bytes());
        assertFalse(p.get(0).marker());
    }

    @Test
    public void largeFrameIsFragmentedWithItsOffsets() throws MediaException {
        byte[] frame = frame(1441); // 320 kbps at 32 kHz with padding: the largest layer III frame

        List<RecordingSink.Payload> p = packetize(1400, ByteBuffer.wrap(frame));

        // 1396 bytes per payload after the 4-byte header: offsets 0 and 1396 (0x0574)
        assertEquals(2, p.size());
        assertArrayEquals(concat(bytes(0, 0, 0, 0), Arrays.copyOf(frame, 1396)), p.get(0).bytes());
        assertArrayEquals(concat(bytes(0, 0, 0x05, 0x74), Arrays.copyOfRange(frame, 1396, 1441)), p.get(1).bytes());
        assertFalse(p.get(1).marker());
    }

    @Test
    public void offsetsCountFromTheSamplePositionAndTheSampleIsLeftUnchanged() throws MediaException {
        byte[] frame = frame(40);
        byte[] wrapped = concat(bytes(0xEE, 0xEE), frame, bytes(0xEE));
        ByteBuffer sample = ByteBuffer.wrap(wrapped).position(2).limit(42);

        List<RecordingSink.Payload> p = packetize(16, sample);

        // 12 bytes per payload: offsets 0, 12, 24, 36
        assertEquals(4, p.size());
        assertArrayEquals(bytes(0, 0, 0, 36), Arrays.copyOf(p.get(3).bytes(), 4));
        assertArrayEquals(Arrays.copyOfRange(frame, 36, 40), Arrays.copyOfRange(p.get(3).bytes(), 4, 8));
        assertEquals(2, sample.position());
        assertEquals(42, sample.limit());
    }

    @Test
    public void emptySampleSendsNothingAndHugeFrameIsRefused() throws MediaException {
        assertTrue(packetize(1400, ByteBuffer.allocate(0)).isEmpty());

        RecordingSink sink = new RecordingSink();
        MediaException e = assertThrows(MediaException.class,
                () -> new MpaPacketizer(1400).packetize(ByteBuffer.allocate(70_000), sink));
        assertEquals(MediaException.Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("frame of 70000 bytes"));
        assertTrue(sink.payloads.isEmpty());
    }
}
