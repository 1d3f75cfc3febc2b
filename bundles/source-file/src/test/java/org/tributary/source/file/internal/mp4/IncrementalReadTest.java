package org.tributary.source.file.internal.mp4;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.tributary.api.MediaReader;
import org.tributary.api.MediaSample;

/**
 * A 5 GiB movie (sparse on disk: the 2-second sample's media data, a hole, then the movie header)
 * is indexed and read through a channel that counts bytes: only box headers, the movie header
 * and the samples asked for are read.
 */
public class IncrementalReadTest {

    private static final long FIVE_GIB = 5L << 30;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void readsOnlyTheMovieHeaderAndTheSamplesAskedFor() throws Exception {
        byte[] source = Files.readAllBytes(TestMovies.resource("sample-moov-at-end.mp4"));
        int free = TestMovies.topLevelBox(source, "free");
        int moov = TestMovies.topLevelBox(source, "moov");
        Path big = temp.newFile("big.mp4").toPath();
        try (FileChannel out = FileChannel.open(big, StandardOpenOption.WRITE)) {
            ByteBuffer head = ByteBuffer.wrap(source, 0, moov).slice();
            // turn 'free' + 32-bit 'mdat' into one 64-bit 'mdat' header reaching the moved moov
            head.duplicate().position(free).putInt(1).put("mdat".getBytes()).putLong(FIVE_GIB - free);
            out.write(head, 0);
            out.write(ByteBuffer.wrap(source, moov, source.length - moov), FIVE_GIB);
        }
        int moovSize = source.length - moov;

        AtomicLong bytesRead = new AtomicLong();
        ChannelOpener counting = file -> new CountingChannel(FileChannel.open(big), bytesRead);
        MovieIndex index;
        try (FileChannel channel = counting.open(big)) {
            index = MovieIndexParser.parse(big, channel, "big.mp4");
        }
        assertEquals(FIVE_GIB + moovSize, index.fileSize());
        long headers = 3 * 16;
        assertTrue("indexing read " + bytesRead, bytesRead.get() <= headers + moovSize);

        long sampleBytes = 0;
        bytesRead.set(0);
        try (MediaReader reader = new Mp4Presentation("big.mp4", index, counting).openReader()) {
            for (int i = 0; i < 10; i++) {
                MediaSample sample = reader.next();
                sampleBytes += sample.data().remaining();
            }
        }
        assertEquals(sampleBytes, bytesRead.get());
    }
}
