package org.tributary.rtp;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.tributary.rtp.RecordingSink.bytes;

import java.nio.ByteBuffer;

import org.junit.Test;
import org.tributary.api.MediaException;

public class OpusPacketizerTest {

    @Test
    public void packetIsTheWholePayload() throws MediaException {
        byte[] packet = bytes(0xFC, 0xFF, 0xFE, 0x01, 0x02); // TOC: CELT FB 20 ms, stereo, one frame
        RecordingSink sink = new RecordingSink();

        new OpusPacketizer(1400).packetize(ByteBuffer.wrap(packet), sink);

        assertEquals(1, sink.payloads.size());
        assertArrayEquals(packet, sink.payloads.get(0).bytes());
        assertFalse(sink.payloads.get(0).marker());
    }

    @Test
    public void packetAboveTheBudgetIsRefusedAndEmptyOnesSkipped() throws MediaException {
        RecordingSink sink = new RecordingSink();
        OpusPacketizer packetizer = new OpusPacketizer(16);

        packetizer.packetize(ByteBuffer.allocate(0), sink);
        MediaException e = assertThrows(MediaException.class, () -> packetizer.packetize(ByteBuffer.allocate(17), sink));

        assertEquals(MediaException.Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("packet of 17 bytes exceeds the 16-byte payload budget"));
        assertTrue(sink.payloads.isEmpty());
    }
}
