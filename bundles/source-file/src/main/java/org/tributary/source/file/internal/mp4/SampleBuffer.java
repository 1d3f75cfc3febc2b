package org.tributary.source.file.internal.mp4;

import java.nio.ByteBuffer;

/**
 * A reader's buffer for the bytes of one sample, reused from sample to sample, so that playing a
 * movie allocates no buffer per sample per session. It grows to the largest sample read, up to
 * {@link #KEPT_BYTES}; a larger sample (a high-bitrate key frame) gets a buffer of its own, so a
 * reader never keeps more than that. Not thread-safe, like its reader.
 */
final class SampleBuffer {

    /** The largest buffer kept between samples. */
    static final int KEPT_BYTES = 64 * 1024;

    private static final int FIRST_BYTES = 4 * 1024;
    private static final ByteBuffer NONE = ByteBuffer.allocate(0);

    private ByteBuffer kept = NONE;

    /**
     * @param size the bytes needed
     * @return a buffer positioned at 0 with {@code size} bytes to its limit; its content is
     *         undefined, and it may be the same buffer as the last call returned
     */
    ByteBuffer take(int size) {
        if (size > KEPT_BYTES) {
            return ByteBuffer.allocate(size);
        }
        if (kept.capacity() < size) {
            int grown = Math.max(FIRST_BYTES, Integer.highestOneBit(size - 1) << 1);
            kept = ByteBuffer.allocate(Math.min(KEPT_BYTES, grown));
        }
        return kept.clear().limit(size);
    }
}
