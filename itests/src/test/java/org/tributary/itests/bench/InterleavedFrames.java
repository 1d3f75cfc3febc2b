package org.tributary.itests.bench;

import java.nio.ByteBuffer;

/**
 * Cuts a TCP byte stream of {@code $}-interleaved frames (RFC 2326 §10.12) into frames, however the
 * reads split them. A byte outside a frame where a {@code $} should start (an RTSP message) is
 * skipped and counted. Used by one thread at a time.
 */
final class InterleavedFrames {

    /** What each complete frame is handed to. */
    @FunctionalInterface
    interface Sink {

        /** One frame; {@code payload} is valid only during the call. */
        void frame(int channel, ByteBuffer payload);
    }

    private static final int HEADER = 4;

    /** Room for the largest frame: a 16-bit length plus the header. */
    private final ByteBuffer pending = ByteBuffer.allocate(HEADER + 0xFFFF);
    private long skipped;

    /** Takes the bytes between {@code data}'s position and limit and hands every complete frame to {@code sink}. */
    void feed(ByteBuffer data, Sink sink) {
        while (data.hasRemaining()) {
            int n = Math.min(pending.remaining(), data.remaining());
            pending.put(data.slice(data.position(), n));
            data.position(data.position() + n);
            pending.flip();
            cut(sink);
            pending.compact();
        }
    }

    /** Returns the bytes skipped because no frame started there. */
    long skipped() {
        return skipped;
    }

    private void cut(Sink sink) {
        while (pending.hasRemaining()) {
            int start = pending.position();
            if (pending.get(start) != '$') {
                pending.position(start + 1);
                skipped++;
                continue;
            }
            if (pending.remaining() < HEADER) {
                return;
            }
            int length = pending.getShort(start + 2) & 0xFFFF;
            if (pending.remaining() < HEADER + length) {
                return;
            }
            pending.position(start + HEADER + length);
            sink.frame(pending.get(start + 1) & 0xFF, pending.slice(start + HEADER, length));
        }
    }
}
