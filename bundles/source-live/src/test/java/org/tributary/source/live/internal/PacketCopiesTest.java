package org.tributary.source.live.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;

import org.junit.Test;

/** The one copy per received packet: independent of the source, direct, chunks filled and renewed. */
public class PacketCopiesTest {

    private static ByteBuffer bytes(int length, int value) {
        ByteBuffer b = ByteBuffer.allocate(length + 3).position(3);
        while (b.hasRemaining()) {
            b.put((byte) value);
        }
        return b.position(3);
    }

    @Test
    public void copiesAreIndependentDirectAndExact() {
        PacketCopies copies = new PacketCopies();
        ByteBuffer source = bytes(100, 7);
        ByteBuffer copy = copies.copy(source);
        source.put(3, (byte) 9);
        assertTrue(copy.isDirect());
        assertEquals(0, copy.position());
        assertEquals(100, copy.remaining());
        assertEquals(7, copy.get(0));
        assertEquals("the source's position is left alone", 3, source.position());
    }

    @Test
    public void consecutiveCopiesDoNotOverlapAcrossChunks() {
        PacketCopies copies = new PacketCopies();
        int size = 1500;
        int count = 3 * PacketCopies.CHUNK_BYTES / size;
        ByteBuffer[] kept = new ByteBuffer[count];
        for (int i = 0; i < count; i++) {
            kept[i] = copies.copy(bytes(size, i));
        }
        for (int i = 0; i < count; i++) {
            assertEquals(size, kept[i].remaining());
            assertEquals((byte) i, kept[i].get(0));
            assertEquals((byte) i, kept[i].get(size - 1));
        }
        ByteBuffer big = copies.copy(bytes(PacketCopies.CHUNK_BYTES + 1, 3));
        assertEquals(PacketCopies.CHUNK_BYTES + 1, big.remaining());
        assertEquals(3, big.get(PacketCopies.CHUNK_BYTES));
    }
}
