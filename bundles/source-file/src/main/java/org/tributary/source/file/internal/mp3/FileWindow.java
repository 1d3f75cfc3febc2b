package org.tributary.source.file.internal.mp3;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A block of a file read with positional reads, moved forward as a scan needs it, so that a file
 * of any size is scanned with one small buffer and without moving the channel's position.
 */
final class FileWindow {

    private static final int BLOCK_SIZE = 64 * 1024;

    private final FileChannel channel;
    private final long end;
    private final ByteBuffer block = ByteBuffer.allocate(BLOCK_SIZE);
    private long blockStart;

    /**
     * @param channel the file
     * @param end     the offset the window never reads at or beyond
     */
    FileWindow(FileChannel channel, long end) {
        this.channel = channel;
        this.end = end;
        block.limit(0);
    }

    /**
     * @param offset file offset of the first byte
     * @param count  how many bytes, at most the block size
     * @return true when the bytes lie before the end and are now in the window
     */
    boolean load(long offset, int count) throws IOException {
        if (offset < 0 || offset + count > end) {
            return false;
        }
        if (offset >= blockStart && offset + count <= blockStart + block.limit()) {
            return true;
        }
        block.clear().limit((int) Math.min(BLOCK_SIZE, end - offset));
        long at = offset;
        while (block.hasRemaining()) {
            int read = channel.read(block, at);
            if (read < 0) {
                break;
            }
            at += read;
        }
        block.flip();
        blockStart = offset;
        return block.limit() >= count;
    }

    /** @return the byte at {@code offset}, which a successful {@link #load} covers */
    int u8(long offset) {
        return block.get((int) (offset - blockStart)) & 0xFF;
    }

    /** @return the big-endian 32-bit word at {@code offset}, which a successful {@link #load} covers */
    int i32(long offset) {
        return block.getInt((int) (offset - blockStart));
    }
}
