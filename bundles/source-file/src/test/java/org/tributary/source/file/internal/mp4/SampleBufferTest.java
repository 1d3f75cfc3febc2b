package org.tributary.source.file.internal.mp4;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;

import org.junit.Test;
import org.tributary.api.MediaReader;
import org.tributary.api.MediaSample;

/** A reader reads each sample into one reused buffer: playing a movie allocates no buffer per sample. */
public class SampleBufferTest {

    @Test
    public void reusesOneBufferUpToTheKeptSize() {
        SampleBuffer buffer = new SampleBuffer();
        ByteBuffer first = buffer.take(100);
        assertEquals(0, first.position());
        assertEquals(100, first.limit());
        assertSame(first, buffer.take(4000));
        ByteBuffer grown = buffer.take(5000);
        assertEquals(8192, grown.capacity());
        assertSame(grown, buffer.take(10));
        assertEquals(10, grown.remaining());
        assertEquals(SampleBuffer.KEPT_BYTES, buffer.take(SampleBuffer.KEPT_BYTES).capacity());
    }

    @Test
    public void aSampleAboveTheKeptSizeGetsABufferOfItsOwn() {
        SampleBuffer buffer = new SampleBuffer();
        ByteBuffer kept = buffer.take(SampleBuffer.KEPT_BYTES);
        ByteBuffer large = buffer.take(SampleBuffer.KEPT_BYTES + 1);
        assertNotSame(kept, large);
        assertEquals(SampleBuffer.KEPT_BYTES + 1, large.remaining());
        assertSame("the kept buffer stays", kept, buffer.take(1));
    }

    @Test
    public void readingAMovieAllocatesFarLessThanItsSamples() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        Mp4Presentation movie = TestMovies.open(TestMovies.resource("sample.mp4"));
        long[] perSample = new long[2];
        for (int pass = 0; pass < 2; pass++) {
            try (MediaReader reader = movie.openReader()) {
                long samples = 0;
                long bytes = 0;
                long before = threads.getThreadAllocatedBytes(thread);
                for (MediaSample sample = reader.next(); sample != null; sample = reader.next()) {
                    samples++;
                    bytes += sample.data().remaining();
                }
                long allocated = threads.getThreadAllocatedBytes(thread) - before;
                perSample[pass] = allocated / samples;
                assertTrue("the movie's samples average " + bytes / samples + " bytes", bytes / samples > 500);
            }
        }
        // the first pass warms up; a buffer per sample would allocate at least the sample's bytes
        assertTrue("allocated " + perSample[1] + " bytes per sample", perSample[1] < 200);
    }

    @Test
    public void aSampleStaysValidUntilTheNextRead() throws Exception {
        List<MediaSample> kept = TestMovies.readAll(TestMovies.resource("sample.mp4"));
        try (MediaReader reader = TestMovies.open(TestMovies.resource("sample.mp4")).openReader()) {
            for (MediaSample expected : kept) {
                MediaSample sample = reader.next();
                assertEquals(expected.data(), sample.data());
            }
        }
    }
}
