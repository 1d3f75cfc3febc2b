package org.tributary.mp3.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams the MP3 frames of one file, a few kilobytes at a time: the ID3v2 tag at the start and the ID3v1
 * tag at the end are skipped by their checked offsets ({@link Id3Tags}), and {@link FrameScanner} splits the
 * rest into whole frames, dropping Xing/Info frames and refusing what is not MP3. Memory: one read buffer and
 * the frames of one chunk, whatever the file's size. Not thread-safe.
 */
final class Mp3FileReader implements Closeable {

    /** Bytes read at once: at most about 130 ms of audio at 128 kbit/s beyond the chunk asked for. */
    static final int READ_SIZE = 2048;

    private final FileChannel channel;
    private final Id3Tags tags;
    private final FrameScanner scanner = new FrameScanner();
    private final ByteBuffer buffer = ByteBuffer.allocate(READ_SIZE);
    private long position;

    /** Opens a file and reads its tags. */
    Mp3FileReader(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            this.tags = Id3Tags.read(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        this.position = tags.audioStart();
    }

    /** @return the file's tags */
    Id3Tags tags() {
        return tags;
    }

    /**
     * Adds frames until {@code out} holds at least {@code micros} of audio or the file ends.
     *
     * @return false once the file is read to its end
     * @throws IOException when it cannot be read, or is not MP3 (the message says why)
     */
    boolean read(FrameScanner.Frames out, long micros) throws IOException {
        while (out.micros() < micros) {
            long left = tags.audioEnd() - position;
            if (left <= 0) {
                return false;
            }
            buffer.clear().limit((int) Math.min(READ_SIZE, left));
            int n = channel.read(buffer, position);
            if (n < 0) {
                return false;
            }
            position += n;
            if (!scanner.scan(buffer.flip(), out)) {
                throw new IOException("not MP3 audio (" + scanner.problem() + ")");
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
