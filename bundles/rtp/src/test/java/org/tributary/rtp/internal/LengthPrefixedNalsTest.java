package org.tributary.rtp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.Test;
import org.tributary.api.MediaException;

public class LengthPrefixedNalsTest {

    @Test
    public void locatesUnitsAndDropsEmptyOnesWhateverTheBufferByteOrder() throws MediaException {
        ByteBuffer sample = ByteBuffer.wrap(new byte[] {9, 0, 0, 0, 2, 0x41, 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 0x06})
                .position(1).order(ByteOrder.LITTLE_ENDIAN);

        LengthPrefixedNals nals = LengthPrefixedNals.scan(sample, "H.264");

        assertEquals(2, nals.count());
        assertEquals(5, nals.offset(0));
        assertEquals(2, nals.length(0));
        assertEquals(15, nals.offset(1));
        assertEquals(1, nals.length(1));
        assertEquals(1, sample.position());
    }

    @Test
    public void growsPastItsInitialCapacity() throws MediaException {
        ByteBuffer sample = ByteBuffer.allocate(100 * 5);
        for (int i = 0; i < 100; i++) {
            sample.putInt(1).put((byte) i);
        }

        LengthPrefixedNals nals = LengthPrefixedNals.scan(sample.flip(), "H.265");

        assertEquals(100, nals.count());
        assertEquals(99 * 5 + 4, nals.offset(99));
    }

    @Test
    public void unitRunningPastTheEndIsCorrupt() {
        ByteBuffer sample = ByteBuffer.wrap(new byte[] {0, 0, 0, 3, 0x41, 0x01});

        MediaException e = assertThrows(MediaException.class, () -> LengthPrefixedNals.scan(sample, "H.265"));

        assertEquals(MediaException.Reason.CORRUPT, e.reason());
        assertEquals("H.265 sample: NAL unit length 3 at offset 0 exceeds the 2 bytes left in the 6-byte sample",
                e.getMessage());
    }

    @Test
    public void aReusedTableDoesNotKeepTheRoomOfAHugeSample() throws Exception {
        ByteBuffer huge = ByteBuffer.allocate(5000 * 5);
        for (int i = 0; i < 5000; i++) {
            huge.putInt(1).put((byte) 0x41);
        }
        LengthPrefixedNals table = new LengthPrefixedNals().locate(huge.flip(), "H.264");
        assertEquals(5000, table.count());
        ByteBuffer small = ByteBuffer.allocate(5).putInt(1).put((byte) 0x65).flip();
        table.locate(small, "H.264");
        assertEquals(1, table.count());
        assertTrue("capacity " + table.capacity(), table.capacity() <= 1024);
    }
}
