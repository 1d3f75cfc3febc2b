package org.tributary.source.file.internal.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.tributary.api.MediaException;
import org.tributary.api.MediaReader;
import org.tributary.api.MediaSample;
import org.tributary.api.TrackInfo;

/**
 * Shared by the indexer fuzz tests: one temporary file rewritten for every input, and the checks an
 * index must pass to be served.
 */
public final class IndexFuzzing {

    /** Samples read from an accepted file: enough to walk every table of a fuzzed movie. */
    private static final int MAX_SAMPLES = 20_000;

    /** The indexer of a file format. */
    public interface Indexer {
        /** Indexes the file as the file source does. */
        MovieIndex parse(Path file, FileChannel channel, String name) throws MediaException;
    }

    private final Path file;

    /** @param suffix the file name suffix, for messages */
    public IndexFuzzing(String suffix) {
        try {
            file = Files.createTempFile("fuzz", suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        file.toFile().deleteOnExit();
    }

    /**
     * Writes the input to the file and indexes it.
     *
     * @return the index, or null when the indexer refused the file with a {@link MediaException}
     */
    public MovieIndex index(byte[] data, Indexer indexer) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(data));
            return indexer.parse(file, channel, "fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MediaException refused) {
            // a RuntimeException turned into CORRUPT means a check is missing before it
            assertTrue(!(refused.getCause() instanceof RuntimeException), () -> "refused by accident: " + refused);
            return null;
        }
    }

    /** Checks what the index says of its tracks, then reads every sample of the file through it. */
    public static void assertServable(MovieIndex index, long fileSize) {
        assertEquals(fileSize, index.fileSize());
        assertTrue(!index.trackInfos().isEmpty());
        for (int i = 0; i < index.trackInfos().size(); i++) {
            TrackInfo info = index.trackInfos().get(i);
            assertEquals(i + 1, info.id(), info::toString);
            assertTrue(info.timescale() > 0 && info.bitrate() >= 0, info::toString);
        }
        assertTrue(Double.isFinite(index.duration()) && index.duration() >= 0, () -> "duration " + index.duration());
        try (MediaReader reader = new Mp4Presentation("fuzz", index, ChannelOpener.READ_ONLY).openReader()) {
            MediaSample sample = reader.next();
            for (int n = 0; sample != null && n < MAX_SAMPLES; n++) {
                assertTrue(sample.trackId() >= 1 && sample.trackId() <= index.trackInfos().size());
                sample = reader.next();
            }
        } catch (MediaException unreadable) {
            // a sample the index points at may be damaged: the reader reports it, as documented
        }
    }
}
