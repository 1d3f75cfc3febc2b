package org.tributary.mp3.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import java.nio.ByteBuffer;

import org.junit.Test;

public class StationRingTest {

    private static ByteBuffer bytes(int n) {
        return ByteBuffer.wrap(new byte[n]).asReadOnlyBuffer();
    }

    @Test
    public void theOldestChunksGoWhenTheBytesExceedTheCapacity() {
        StationRing ring = new StationRing(1000, 64);
        for (int i = 0; i < 5; i++) {
            ring.append(bytes(300), 10);
        }
        assertEquals(5, ring.next());
        assertEquals(2, ring.oldest());
        assertNull(ring.get(1));
        assertNotNull(ring.get(2));
        assertNull(ring.get(5));
        assertEquals(100, ring.get(4).from(200).remaining());
    }

    @Test
    public void theChunkCountIsBoundedToo() {
        StationRing ring = new StationRing(1 << 20, 4);
        for (int i = 0; i < 10; i++) {
            ring.append(bytes(1), 10);
        }
        assertEquals(6, ring.oldest());
        assertEquals(9, ring.get(9).seq());
    }

    @Test
    public void aChunkLargerThanTheCapacityIsStillKept() {
        StationRing ring = new StationRing(100, 4);
        ring.append(bytes(500), 10);
        assertNotNull(ring.get(0));
    }

    @Test
    public void theBurstStartsWhereEnoughAudioIsKept() {
        StationRing ring = new StationRing(1 << 20, 64);
        assertEquals(0, ring.burstStart(1000));
        for (int i = 0; i < 10; i++) {
            ring.append(bytes(10), 100);
        }
        assertEquals(7, ring.burstStart(250));
        assertEquals(7, ring.burstStart(300));
        assertEquals(0, ring.burstStart(5000));
        assertEquals(10, ring.burstStart(0));
    }
}
