package org.tributary.source.file.internal.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Positional reads that fill a buffer completely, so callers never see a short read. */
final class PositionalReads {

    private PositionalReads() {
    }

    /**
     * Fills {@code target} from {@code position} on, without moving the channel's own position.
     *
     * @return false when the file ends before the buffer is full
     */
    static boolean readFully(FileChannel channel, ByteBuffer target, long position) throws IOException {
        long at = position;
        while (target.hasRemaining()) {
            int read = channel.read(target, at);
            if (read < 0) {
                return false;
            }
            at += read;
        }
        return true;
    }
}
