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

/** Vectors computed by hand from RFC 4867 sections 4.4 (octet-aligned payload) and 5.3 (storage format). */
public class AmrPacketizerTest {

    /** A stored frame: header byte 0 FT Q 00, then its speech bytes. */
    private static byte[] frame(int type, int speechBytes) {
        byte[] frame = new byte[1 + speechBytes];
        frame[0] = (byte) ((type << 3) | 0x04);
        for (int i = 1; i < frame.length; i++) {
            frame[i] = (byte) (type * 16 + i);
        }
        return frame;
    }

    private static List<RecordingSink.Payload> packetize(int maxPayload, byte[] sample) throws MediaException {
        return RecordingSink.packetize(new AmrPacketizer(maxPayload), ByteBuffer.wrap(sample));
    }

    @Test
    public void oneFrameGetsNoModeRequestAndOneTocEntry() throws MediaException {
        byte[] frame = frame(7, 31); // 12.2 kbit/s

        List<RecordingSink.Payload> p = packetize(1400, frame);

        // CMR 15 (0xF0), TOC F=0 FT=7 Q=1 (0x3C), then the 31 speech bytes
        assertEquals(1, p.size());
        assertArrayEquals(concat(bytes(0xF0, 0x3C), Arrays.copyOfRange(frame, 1, 32)), p.get(0).bytes());
        assertFalse(p.get(0).marker());
    }

    @Test
    public void framesOfASampleShareOnePacketWithTheirTocFirst() throws MediaException {
        byte[] first = frame(7, 31);
        byte[] sid = frame(8, 5);
        byte[] noData = frame(15, 0);

        List<RecordingSink.Payload> p = packetize(1400, concat(first, sid, noData));

        // TOC: F=1 FT=7 Q=1 (0xBC), F=1 FT=8 Q=1 (0xC4), F=0 FT=15 Q=1 (0x7C); then 31 + 5 speech bytes
        assertArrayEquals(concat(bytes(0xF0, 0xBC, 0xC4, 0x7C), Arrays.copyOfRange(first, 1, 32),
                Arrays.copyOfRange(sid, 1, 6)), p.get(0).bytes());
    }

    @Test
    public void damagedSamplesAreRefusedBeforeAnythingIsSent() {
        RecordingSink sink = new RecordingSink();
        AmrPacketizer packetizer = new AmrPacketizer(40);

        MediaException cut = assertThrows(MediaException.class,
                () -> packetizer.packetize(ByteBuffer.wrap(Arrays.copyOf(frame(7, 31), 20)), sink));
        MediaException reserved = assertThrows(MediaException.class,
                () -> packetizer.packetize(ByteBuffer.wrap(frame(9, 4)), sink));
        MediaException tooBig = assertThrows(MediaException.class,
                () -> packetizer.packetize(ByteBuffer.wrap(concat(frame(7, 31), frame(7, 31))), sink));

        assertEquals("AMR sample: frame 1 of type 7 needs 31 speech bytes, 19 are left", cut.getMessage());
        assertEquals("AMR sample: frame 1 has the reserved frame type 9", reserved.getMessage());
        assertTrue(tooBig.getMessage(), tooBig.getMessage().contains("2 frames need a 65-byte payload, over the 40-byte"));
        assertTrue(sink.payloads.isEmpty());
    }
}
