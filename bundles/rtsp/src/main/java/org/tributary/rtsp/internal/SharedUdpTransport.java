package org.tributary.rtsp.internal;

import java.net.InetAddress;

import io.netty.buffer.ByteBuf;

/**
 * A viewer track's RTP/RTCP over the pair of sockets all viewers on its event loop share
 * ({@link SharedUdpPair}): each packet is a datagram addressed to the client's ports, and the SETUP
 * answer names the shared {@code server_port}. Media only ever goes to the RTSP client's own address.
 * <p>
 * A slow UDP viewer cannot hold the socket back: the kernel takes a datagram for any destination at
 * once, and a receiver that falls behind loses packets at its own end (and says so in its receiver
 * reports). What can fill the shared channel is the server's own outgoing path, which every viewer
 * shares anyway, so when it is not writable every viewer loses whole frames; and one viewer that
 * writes a great deal between two flushes of the pair (a large key frame, a fast-forward) is stopped
 * at {@link #MAX_UNFLUSHED} bytes on its own, so that it cannot take the shared channel's room from the
 * others. Any viewer's flush sends every viewer's queued datagrams (with epoll, many in one
 * {@code sendmmsg}), so a flush of the pair, whoever asks for it, starts every viewer's count afresh.
 */
final class SharedUdpTransport extends UdpMediaTransport {

    /** Most bytes one viewer may queue between two flushes of the pair before its next frame is dropped. */
    static final int MAX_UNFLUSHED = 512 * 1024;

    private final SharedUdpPair pair;
    private final RtcpDemux.Route route;
    /** Bytes queued since the pair's flush number {@link #flushEpoch}; under the session's lock, like every call. */
    private int unflushed;
    private int flushEpoch;

    SharedUdpTransport(SharedUdpPair pair, PortPairBinder.Bound bound, InetAddress client, int clientRtpPort,
                       int clientRtcpPort, RtcpDemux.Route route) {
        super(bound, client, clientRtpPort, clientRtcpPort);
        this.pair = pair;
        this.route = route;
    }

    /** Names the SSRC this track is sent with, so that its receiver reports are known by it too. */
    void identify(int ssrc) {
        if (rtcp.eventLoop().inEventLoop()) {
            route.ssrc(ssrc);
        } else {
            rtcp.eventLoop().execute(() -> route.ssrc(ssrc));
        }
    }

    @Override
    public boolean writable() {
        return queued() < MAX_UNFLUSHED && rtp.isWritable();
    }

    @Override
    public void sendRtp(ByteBuf packet) {
        unflushed = queued() + packet.readableBytes();
        super.sendRtp(packet);
    }

    @Override
    public void flush() {
        pair.flushed();
        super.flush();
    }

    /** @return what this viewer queued since the pair was last flushed */
    private int queued() {
        int epoch = pair.flushes();
        if (epoch != flushEpoch) {
            flushEpoch = epoch;
            unflushed = 0;
        }
        return unflushed;
    }

    /** Leaves the shared pair: the sockets stay open for the other viewers. */
    @Override
    protected void release() {
        pair.release(route);
    }
}
