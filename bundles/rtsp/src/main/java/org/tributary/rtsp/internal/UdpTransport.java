package org.tributary.rtsp.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.rtp.UdpPortPool;

/**
 * RTP/RTCP over a UDP port pair of the server's pool held by one session alone (a publisher's, or a
 * viewer's when {@code udpSocketsShared} is off). Its RTP channel's writability is the client's own.
 */
final class UdpTransport extends UdpMediaTransport {

    private final UdpPortPool pool;

    private UdpTransport(PortPairBinder.Bound bound, InetAddress client, int clientRtpPort, int clientRtcpPort,
                         UdpPortPool pool) {
        super(bound, client, clientRtpPort, clientRtcpPort);
        this.pool = pool;
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
        PortPairBinder.bind(loop, pool, bindAddress, new Inlet(rtp), new Inlet(rtcp), PortPairBinder.Options.SESSION)
                .addListener(f -> {
                    if (f.isSuccess()) {
                        promise.setSuccess(new UdpTransport((PortPairBinder.Bound) f.getNow(), client,
                                clientRtpPort, clientRtcpPort, pool));
                    } else {
                        promise.setFailure(f.cause());
                    }
                });
        return promise;
    }

    @Override
    public boolean writable() {
        return rtp.isWritable();
    }

    @Override
    protected void release() {
        rtp.close();
        rtcp.close().addListener(f -> pool.release(serverPort()));
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
