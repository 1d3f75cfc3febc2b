package org.tributary.rtsp.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.concurrent.EventExecutor;

/** Where one track's RTP and RTCP packets go: a UDP port pair or two interleaved channels. */
interface MediaTransport {

    /** @return the event loop this transport's writes run on: a write from it needs no hand-off */
    EventExecutor executor();

    /** @return the allocator of the underlying channel, for packet buffers */
    ByteBufAllocator alloc();

    /** @return false when the client is not keeping up; the caller then drops whole frames */
    boolean writable();

    /** Queues an RTP packet; takes ownership of the buffer. */
    void sendRtp(ByteBuf packet);

    /** Queues an RTCP packet; takes ownership of the buffer. */
    void sendRtcp(ByteBuf packet);

    /** Sends what was queued. */
    void flush();

    /** @return the Transport header value to answer SETUP with */
    String responseHeader();

    /** @return short name for management, such as {@code "RTP/AVP/UDP"} */
    String kind();

    /** Releases sockets and ports; idempotent. */
    void close();
}
