package org.tributary.api.http;

import java.nio.ByteBuffer;

/** The consumer of a request body that streams (a source's audio), called on the connection's thread. */
public interface BodyReceiver {

    /**
     * Bytes of the body as they arrive; the buffer is valid only during the call (copy what is kept).
     * Untrusted: any length, any content.
     */
    void data(ByteBuffer chunk);

    /**
     * The body ended: the client closed the connection, or it was closed.
     *
     * @param cause why, or null for a clean end
     */
    void ended(Throwable cause);
}
