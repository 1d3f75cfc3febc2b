package org.tributary.rtsp.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.EventExecutor;

/**
 * A track's RTP and RTCP as datagrams from a bound server port pair to the ports the client named in
 * SETUP. Media only ever goes to the address of the RTSP client itself (a Transport {@code destination}
 * is ignored), so the server cannot be used to flood a third party. Whether the pair is the track's own
 * ({@link UdpTransport}) or shared ({@link SharedUdpTransport}) decides writability and closing.
 */
abstract class UdpMediaTransport implements MediaTransport {

    protected final Channel rtp;
    protected final Channel rtcp;
    private final int serverPort;
    private final InetSocketAddress clientRtp;
    private final InetSocketAddress clientRtcp;
    private volatile boolean closed;

    UdpMediaTransport(PortPairBinder.Bound bound, InetAddress client, int clientRtpPort, int clientRtcpPort) {
        this.rtp = bound.rtp();
        this.rtcp = bound.rtcp();
        this.serverPort = bound.port();
        this.clientRtp = new InetSocketAddress(client, clientRtpPort);
        this.clientRtcp = new InetSocketAddress(client, clientRtcpPort);
    }

    /** @return the server's RTP port; RTCP is the one above */
    int serverPort() {
        return serverPort;
    }

    @Override
    public EventExecutor executor() {
        return rtp.eventLoop();
    }

    @Override
    public ByteBufAllocator alloc() {
        return rtp.alloc();
    }

    @Override
    public void sendRtp(ByteBuf packet) {
        rtp.write(new DatagramPacket(packet, clientRtp), rtp.voidPromise());
    }

    @Override
    public void sendRtcp(ByteBuf packet) {
        rtcp.writeAndFlush(new DatagramPacket(packet, clientRtcp), rtcp.voidPromise());
    }

    @Override
    public void flush() {
        rtp.flush();
    }

    @Override
    public String responseHeader() {
        return "RTP/AVP;unicast;client_port=" + clientRtp.getPort() + "-" + clientRtcp.getPort()
                + ";server_port=" + serverPort + "-" + (serverPort + 1);
    }

    @Override
    public String kind() {
        return "RTP/AVP/UDP";
    }

    /** Sends what is queued, then gives the sockets or their share back; idempotent. */
    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        rtp.flush();
        release();
    }

    /** Closes the track's own sockets, or leaves the shared ones; called once. */
    protected abstract void release();

    /** What a port of the pair does with each packet that arrives there, from anyone. */
    @FunctionalInterface
    interface Inbound {
        /**
         * @param sender where the packet came from
         * @param packet the packet, released after the call
         */
        void receive(InetSocketAddress sender, ByteBuf packet);
    }

    /**
     * Hands each packet to its port's {@link Inbound}. Media ports of a viewer have none: some clients
     * send hole-punching packets there, dropped on purpose. Sharable (it keeps no state): a pair whose bind
     * failed already added it to a pipeline, and the binder tries the next pair with the same handlers.
     */
    @ChannelHandler.Sharable
    static final class Inlet extends SimpleChannelInboundHandler<DatagramPacket> {
        private final Inbound inbound;

        /** @param inbound what to do with each packet; null to drop them all */
        Inlet(Inbound inbound) {
            this.inbound = inbound;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket msg) {
            if (inbound != null) {
                inbound.receive(msg.sender(), msg.content());
            }
        }
    }
}
