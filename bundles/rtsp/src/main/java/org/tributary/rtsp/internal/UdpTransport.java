package org.tributary.rtsp.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.rtp.UdpPortPool;

/**
 * RTP/RTCP over a UDP port pair of the server's pool, sending to the ports the client named in
 * SETUP. Media only ever goes to the address of the RTSP client itself (a Transport
 * {@code destination} is ignored), so the server cannot be used to flood a third party.
 */
final class UdpTransport implements MediaTransport {

    private static final int MAX_BIND_ATTEMPTS = 16;

    private final Channel rtp;
    private final Channel rtcp;
    private final InetSocketAddress clientRtp;
    private final InetSocketAddress clientRtcp;
    private final UdpPortPool pool;
    private final int serverPort;
    private volatile boolean closed;

    private UdpTransport(Channel rtp, Channel rtcp, InetSocketAddress clientRtp, InetSocketAddress clientRtcp,
                         UdpPortPool pool, int serverPort) {
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.clientRtp = clientRtp;
        this.clientRtcp = clientRtcp;
        this.pool = pool;
        this.serverPort = serverPort;
    }

    /**
     * Binds a free port pair on the loop, skipping pairs that another process holds.
     *
     * @param onRtcp receives each RTCP packet from the client's address (the buffer is released after the call)
     */
    static Future<UdpTransport> open(EventLoop loop, UdpPortPool pool, String bindAddress, InetAddress client,
                                     int clientRtpPort, int clientRtcpPort, Consumer<ByteBuf> onRtcp) {
        return openInbound(loop, pool, bindAddress, client, clientRtpPort, clientRtcpPort, null,
                new FromClient(client, onRtcp));
    }

    /**
     * Binds a free port pair on the loop for a publisher, whose packets are checked by the caller: every
     * packet that arrives on either port, from whoever sent it, goes to the inbound handlers.
     *
     * @param client         the publisher's address
     * @param clientRtpPort  the publisher's RTP port, or 0 when it named none (nothing is sent to it)
     * @param clientRtcpPort the publisher's RTCP port, or 0
     */
    static Future<UdpTransport> openInbound(EventLoop loop, UdpPortPool pool, String bindAddress, InetAddress client,
                                            int clientRtpPort, int clientRtcpPort, Inbound rtp, Inbound rtcp) {
        Promise<UdpTransport> promise = loop.newPromise();
        InetSocketAddress toRtp = new InetSocketAddress(client, clientRtpPort);
        InetSocketAddress toRtcp = new InetSocketAddress(client, clientRtcpPort);
        attempt(loop, pool, bindAddress, toRtp, toRtcp, new Receivers(rtp, rtcp), promise, MAX_BIND_ATTEMPTS);
        return promise;
    }

    private static void attempt(EventLoop loop, UdpPortPool pool, String bindAddress, InetSocketAddress toRtp,
                                InetSocketAddress toRtcp, Receivers receivers, Promise<UdpTransport> promise,
                                int attemptsLeft) {
        var pair = pool.acquirePair();
        if (pair.isEmpty()) {
            promise.setFailure(new IllegalStateException("no free RTP port pair left in the configured range"));
            return;
        }
        int port = pair.getAsInt();
        Bootstrap rtpBoot = datagram(loop, new Inlet(receivers.rtp()));
        Bootstrap rtcpBoot = datagram(loop, new Inlet(receivers.rtcp()));
        rtpBoot.bind(bindAddress, port).addListener(rtpBound -> {
            if (!rtpBound.isSuccess()) {
                retry(loop, pool, bindAddress, toRtp, toRtcp, receivers, promise, attemptsLeft, port, rtpBound.cause());
                return;
            }
            Channel rtpChannel = ((io.netty.channel.ChannelFuture) rtpBound).channel();
            rtcpBoot.bind(bindAddress, port + 1).addListener(rtcpBound -> {
                if (!rtcpBound.isSuccess()) {
                    rtpChannel.close();
                    retry(loop, pool, bindAddress, toRtp, toRtcp, receivers, promise, attemptsLeft, port, rtcpBound.cause());
                    return;
                }
                Channel rtcpChannel = ((io.netty.channel.ChannelFuture) rtcpBound).channel();
                promise.setSuccess(new UdpTransport(rtpChannel, rtcpChannel, toRtp, toRtcp, pool, port));
            });
        });
    }

    private static void retry(EventLoop loop, UdpPortPool pool, String bindAddress, InetSocketAddress toRtp,
                              InetSocketAddress toRtcp, Receivers receivers, Promise<UdpTransport> promise,
                              int attemptsLeft, int port, Throwable cause) {
        // the pair is held by another process: it stays acquired, out of circulation, and the next one is tried
        if (attemptsLeft <= 1) {
            promise.setFailure(cause);
        } else {
            attempt(loop, pool, bindAddress, toRtp, toRtcp, receivers, promise, attemptsLeft - 1);
        }
    }

    private static Bootstrap datagram(EventLoop loop, SimpleChannelInboundHandler<DatagramPacket> handler) {
        return new Bootstrap().group(loop).channel(NettyTransport.datagramChannel())
                .option(ChannelOption.SO_SNDBUF, 256 * 1024)
                // a publisher's packets must survive a pause of the event loop (the kernel caps this at rmem_max)
                .option(ChannelOption.SO_RCVBUF, 1024 * 1024)
                .handler(handler);
    }

    int serverPort() {
        return serverPort;
    }

    @Override
    public ByteBufAllocator alloc() {
        return rtp.alloc();
    }

    @Override
    public boolean writable() {
        return rtp.isWritable();
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

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        rtp.flush();
        rtp.close();
        rtcp.close().addListener(f -> pool.release(serverPort));
    }

    /** What a port of the pair does with each packet that arrives there, from anyone. */
    @FunctionalInterface
    interface Inbound {
        /**
         * @param sender where the packet came from
         * @param packet the packet, released after the call
         */
        void receive(InetSocketAddress sender, ByteBuf packet);
    }

    /** What to do with packets arriving on the pair's two ports; a null handler drops them. */
    private record Receivers(Inbound rtp, Inbound rtcp) {
    }

    /**
     * Hands each packet to its port's {@link Inbound}. Media ports of a viewer have none: some clients
     * send hole-punching packets there, dropped on purpose.
     */
    private static final class Inlet extends SimpleChannelInboundHandler<DatagramPacket> {
        private final Inbound inbound;

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

    /** Passes a viewer's packets from its own address on; anything from elsewhere is dropped and counted. */
    private static final class FromClient implements Inbound {
        private static final Logger LOG = LoggerFactory.getLogger(FromClient.class);
        private final InetAddress client;
        private final Consumer<ByteBuf> receiver;
        private long foreign;

        FromClient(InetAddress client, Consumer<ByteBuf> receiver) {
            this.client = client;
            this.receiver = receiver;
        }

        @Override
        public void receive(InetSocketAddress sender, ByteBuf packet) {
            if (sender.getAddress().equals(client)) {
                receiver.accept(packet);
            } else if (Long.bitCount(++foreign) == 1) {
                // logged at 1, 2, 4, 8… packets so a flood cannot flood the log
                LOG.warn("Dropped {} RTCP packets from {}, which is not the session's client {}",
                        foreign, sender, client);
            }
        }
    }
}
