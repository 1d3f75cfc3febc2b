package org.tributary.api.http;

import java.nio.ByteBuffer;

/**
 * The outlet of a streamed answer. Writes never block: the port queues them up to its high-water mark,
 * then {@link #write} returns false and the writer should wait for {@link #onWritable}. A client that does
 * not drain within the port's drain timeout is closed. Each connection's memory stays bounded whatever the
 * writer does: beyond a hard bound above the high-water mark writes are dropped and the connection closed.
 */
public interface ResponseStream {

    /**
     * Queues bytes for sending. The buffer's content must not change afterwards (it may be sent without a
     * copy); its position is not moved.
     *
     * @return true while more may be written at once, false once the outbound buffer is above its
     *         high-water mark (the bytes were still queued)
     */
    boolean write(ByteBuffer data);

    /** @return whether writing now would be queued under the high-water mark */
    boolean writable();

    /** Registers the action run, on the connection's thread, each time the outbound buffer drains below its low-water mark. */
    void onWritable(Runnable action);

    /** @return false once the connection closed */
    boolean isOpen();

    /** Ends the stream: what was written is sent, then the connection closes. */
    void close();
}
