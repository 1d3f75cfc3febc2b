package org.tributary.source.file.internal.mp4;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.tributary.api.TrackInfo;

/**
 * Collects the frames of a file that is one audio stream of frames of constant duration (an MP3
 * file) and turns them into the same {@link MovieIndex} a movie has, so that reading, seeking,
 * pausing and caching work alike. Frames that follow each other without a gap share a chunk, so
 * the index costs 4 bytes per frame plus 12 per gap.
 */
public final class FrameTableBuilder {

    private int[] sizes = new int[1024];
    private long[] chunkOffsets = new long[4];
    private int[] chunkFirstFrames = new int[4];
    private int frames;
    private int chunks;
    private long nextOffset = -1;
    private long bytes;

    /**
     * @param offset the frame's file offset, after the previous frame's
     * @param size   its size in bytes, positive
     */
    public void add(long offset, int size) {
        if (frames == sizes.length) {
            sizes = Arrays.copyOf(sizes, frames * 2);
        }
        if (offset != nextOffset) {
            if (chunks == chunkOffsets.length) {
                chunkOffsets = Arrays.copyOf(chunkOffsets, chunks * 2);
                chunkFirstFrames = Arrays.copyOf(chunkFirstFrames, chunks * 2);
            }
            chunkOffsets[chunks] = offset;
            chunkFirstFrames[chunks] = frames;
            chunks++;
        }
        sizes[frames++] = size;
        nextOffset = offset + size;
        bytes += size;
    }

    /** @return the number of frames added */
    public int frames() {
        return frames;
    }

    /** @return the sum of the frame sizes */
    public long bytes() {
        return bytes;
    }

    /**
     * @param file          the file, for readers to reopen
     * @param fileSize      its size when it was scanned
     * @param info          the track; its timescale is the unit of {@code frameDuration}
     * @param frameDuration the duration of every frame
     * @return the index of a single track presented from 0
     * @throws IllegalStateException when no frame was added
     */
    public MovieIndex build(Path file, long fileSize, TrackInfo info, int frameDuration) {
        if (frames == 0) {
            throw new IllegalStateException("no frame to index");
        }
        SampleTable table = new SampleTable(Arrays.copyOf(sizes, frames), DecodeTimes.constant(frames, frameDuration),
                null, null, Arrays.copyOf(chunkOffsets, chunks), Arrays.copyOf(chunkFirstFrames, chunks));
        double seconds = (double) frames * frameDuration / info.timescale();
        return new MovieIndex(file, fileSize, List.of(new MovieTrack(info, table, 0, seconds)));
    }
}
