package org.tributary.source.live.internal;

import java.nio.ByteBuffer;

/**
 * The one copy a broadcast makes of each received packet, so that viewers can keep it after the
 * publisher's receive buffer is reused and send it without copying it again. Copies are carved out of
 * direct memory chunks one after the other; a chunk is freed by the garbage collector once no viewer
 * holds a packet of it any more. Used by one track's receiving thread at a time.
 */
final class PacketCopies {

    static final int CHUNK_BYTES = 128 * 1024;

    private ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK_BYTES);

    /**
     * @param packet the bytes from its position to its limit; not modified
     * @return a writable copy from index 0, backed by direct memory
     */
    synchronized ByteBuffer copy(ByteBuffer packet) {
        int length = packet.remaining();
        if (length > CHUNK_BYTES) {
            return ByteBuffer.allocateDirect(length).put(0, packet, packet.position(), length);
        }
        if (chunk.remaining() < length) {
            chunk = ByteBuffer.allocateDirect(CHUNK_BYTES);
        }
        ByteBuffer copy = chunk.slice(chunk.position(), length);
        copy.put(0, packet, packet.position(), length);
        chunk.position(chunk.position() + length);
        return copy;
    }
}
