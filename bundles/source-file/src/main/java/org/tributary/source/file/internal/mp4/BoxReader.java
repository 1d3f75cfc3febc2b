package org.tributary.source.file.internal.mp4;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Bounds-checked big-endian reads over the payload of one box. Every read first checks that the
 * bytes are there, so a count or size taken from the file can never read past the box.
 */
final class BoxReader {

    private final String box;
    private final ByteBuffer buffer;

    /**
     * @param box     the box type, for messages
     * @param payload the bytes to read; its position and limit bound every read
     */
    BoxReader(String box, ByteBuffer payload) {
        this.box = box;
        this.buffer = payload.slice().order(ByteOrder.BIG_ENDIAN);
    }

    /** @return the number of unread bytes */
    int remaining() {
        return buffer.remaining();
    }

    /** @return the read position from the start of the payload */
    int position() {
        return buffer.position();
    }

    /**
     * Fails unless {@code count} items of {@code itemSize} bytes remain, so that a table can be
     * allocated from an untrusted count only after the box proved to hold it.
     */
    void requireItems(long count, int itemSize, String what) throws Mp4FormatException {
        if (count < 0 || count > remaining() / itemSize) {
            throw new Mp4FormatException("'" + box + "' declares " + count + " " + what + " of " + itemSize
                    + " bytes but only " + remaining() + " bytes remain");
        }
    }

    /** Fails unless {@code bytes} bytes remain. */
    void require(long bytes, String what) throws Mp4FormatException {
        if (bytes < 0 || bytes > remaining()) {
            throw new Mp4FormatException("'" + box + "' is too short for " + what + ": needs " + bytes
                    + " bytes, has " + remaining());
        }
    }

    int u8() throws Mp4FormatException {
        require(1, "a byte");
        return buffer.get() & 0xFF;
    }

    int u16() throws Mp4FormatException {
        require(2, "a 16-bit field");
        return buffer.getShort() & 0xFFFF;
    }

    int u24() throws Mp4FormatException {
        return (u8() << 16) | u16();
    }

    long u32() throws Mp4FormatException {
        require(4, "a 32-bit field");
        return buffer.getInt() & 0xFFFF_FFFFL;
    }

    int i32() throws Mp4FormatException {
        require(4, "a 32-bit field");
        return buffer.getInt();
    }

    /** Reads an unsigned 64-bit value that must fit a positive long. */
    long u64() throws Mp4FormatException {
        require(8, "a 64-bit field");
        long value = buffer.getLong();
        if (value < 0) {
            throw new Mp4FormatException("'" + box + "' holds a 64-bit value above 2^63");
        }
        return value;
    }

    /** Reads a signed 64-bit value. */
    long i64() throws Mp4FormatException {
        require(8, "a 64-bit field");
        return buffer.getLong();
    }

    /** Reads an unsigned 32-bit value that must fit an int, such as a duration or a size. */
    int u32AsInt(String what) throws Mp4FormatException {
        long value = u32();
        if (value > Integer.MAX_VALUE) {
            throw new Mp4FormatException("'" + box + "' " + what + " " + value + " is out of range");
        }
        return (int) value;
    }

    /** Reads the version byte and the 24 flag bits of a full box; returns the version. */
    int fullBoxVersion() throws Mp4FormatException {
        int version = u8();
        u24();
        return version;
    }

    void skip(long bytes) throws Mp4FormatException {
        require(bytes, "a skipped field");
        buffer.position(buffer.position() + (int) bytes);
    }

    /** Moves to an absolute position in the payload. */
    void seek(int position) throws Mp4FormatException {
        if (position < 0 || position > buffer.limit()) {
            throw new Mp4FormatException("'" + box + "' is too short: needs " + position + " bytes, has "
                    + buffer.limit());
        }
        buffer.position(position);
    }

    byte[] bytes(int count) throws Mp4FormatException {
        require(count, "a field of " + count + " bytes");
        byte[] out = new byte[count];
        buffer.get(out);
        return out;
    }

    /** @return the unread bytes as a view, without moving the position */
    ByteBuffer rest() {
        return buffer.slice();
    }

    /** @return the box type this reader reads, for messages */
    String box() {
        return box;
    }
}
