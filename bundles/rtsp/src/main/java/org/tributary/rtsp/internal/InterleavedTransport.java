package org.tributary.rtsp.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;
import org.tributary.rtsp.internal.codec.InterleavedFrame;
import org.tributary.rtsp.internal.tunnel.HttpTunnels;

/** RTP and RTCP as {@code $}-framed data on the RTSP connection itself (RFC 2326 §10.12). */
final class InterleavedTransport implements MediaTransport {

    private final Channel channel;
    private final int rtpChannel;
    private final int rtcpChannel;
    /** Known when the session is set up: a closed connection has lost the handlers that tell. */
    private final String kind;

    InterleavedTransport(Channel channel, int rtpChannel, int rtcpChannel) {
        this.channel = channel;
        this.rtpChannel = rtpChannel;
        this.rtcpChannel = rtcpChannel;
        this.kind = HttpTunnels.isTunnel(channel) ? "RTP/AVP/TCP (HTTP tunnel)" : "RTP/AVP/TCP";
    }

    int rtpChannel() {
        return rtpChannel;
    }

    int rtcpChannel() {
        return rtcpChannel;
    }

    /** @return true when either channel number is one of this transport's */
    boolean uses(int rtp, int rtcp) {
        return rtp == rtpChannel || rtp == rtcpChannel || rtcp == rtpChannel || rtcp == rtcpChannel;
    }

    Channel connection() {
        return channel;
    }

    @Override
    public EventExecutor executor() {
        return channel.eventLoop();
    }

    @Override
    public ByteBufAllocator alloc() {
        return channel.alloc();
    }

    @Override
    public boolean writable() {
        return channel.isWritable();
    }

    @Override
    public void sendRtp(ByteBuf packet) {
        channel.write(new InterleavedFrame(rtpChannel, packet), channel.voidPromise());
    }

    @Override
    public void sendRtcp(ByteBuf packet) {
        channel.writeAndFlush(new InterleavedFrame(rtcpChannel, packet), channel.voidPromise());
    }

    @Override
    public void flush() {
        channel.flush();
    }

    @Override
    public String responseHeader() {
        return "RTP/AVP/TCP;unicast;interleaved=" + rtpChannel + "-" + rtcpChannel;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public void close() {
        channel.flush();
    }
}
