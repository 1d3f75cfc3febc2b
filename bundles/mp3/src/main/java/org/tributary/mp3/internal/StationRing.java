package org.tributary.mp3.internal;

import java.nio.ByteBuffer;

/**
 * A station's recent audio: immutable chunks of whole MP3 frames, numbered in order, shared by every
 * listener, each reading at its own chunk number. Bounded by bytes and by chunk count; the oldest chunks
 * go first, so a listener that lags too far finds its chunk gone and skips to the oldest one kept, which
 * starts on a frame boundary like every chunk. Thread-safe: the source appends while listeners read.
 */
final class StationRing {

    /**
     * Whole frames.
     *
     * @param seq    the chunk's number
     * @param data   the frames, read-only; never changed, so listeners send slices of it without copying
     * @param micros their duration
     */
    record Chunk(long seq, ByteBuffer data, long micros) {

        /** @return the bytes from {@code offset} to the end, sharing the content */
        ByteBuffer from(int offset) {
            return data.slice(offset, data.limit() - offset);
        }

        /** @return the chunk's size in bytes */
        int size() {
            return data.limit();
        }
    }

    private final Chunk[] slots;
    private final long capacityBytes;
    private long next;
    private long oldest;
    private long bytes;

    /**
     * @param capacityBytes the most bytes kept (at least the newest chunk is always kept)
     * @param maxChunks     the most chunks kept
     */
    StationRing(long capacityBytes, int maxChunks) {
        this.capacityBytes = capacityBytes;
        this.slots = new Chunk[maxChunks];
    }

    /** Appends frames, dropping the oldest chunks beyond the bounds. */
    synchronized void append(ByteBuffer frames, long micros) {
        if (next - oldest == slots.length) {
            dropOldest();
        }
        Chunk chunk = new Chunk(next, frames, micros);
        slots[index(next)] = chunk;
        next++;
        bytes += chunk.size();
        while (bytes > capacityBytes && next - oldest > 1) {
            dropOldest();
        }
    }

    /** @return the chunk numbered {@code seq}, or null when it is not yet written or already dropped */
    synchronized Chunk get(long seq) {
        return seq >= oldest && seq < next ? slots[index(seq)] : null;
    }

    /** @return the number of the oldest chunk kept */
    synchronized long oldest() {
        return oldest;
    }

    /** @return the number the next chunk will get */
    synchronized long next() {
        return next;
    }

    /** @return the number of the chunk from which the kept audio lasts at least {@code micros}, or the oldest */
    synchronized long burstStart(long micros) {
        long seq = next;
        long sum = 0;
        while (seq > oldest && sum < micros) {
            seq--;
            sum += slots[index(seq)].micros();
        }
        return seq;
    }

    private void dropOldest() {
        bytes -= slots[index(oldest)].size();
        slots[index(oldest)] = null;
        oldest++;
    }

    private int index(long seq) {
        return (int) (seq % slots.length);
    }
}
