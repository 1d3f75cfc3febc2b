package org.tributary.rtp;

import java.nio.ByteBuffer;

/**
 * Where a {@link RtpSender} writes its packets, one at a time: it claims room for a packet, puts the
 * packet's bytes at the buffer's position, then sends it. A protocol bundle can hand out a pooled
 * direct buffer here, a live source a reused heap buffer.
 */
public interface PacketOut {

    /**
     * @param length the packet's size in bytes
     * @return a buffer whose next {@code length} bytes, from its position, take the packet; valid until
     *         {@link #send()}
     */
    ByteBuffer claim(int length);

    /** Sends the packet claimed last, once its bytes are in. */
    void send();
}
