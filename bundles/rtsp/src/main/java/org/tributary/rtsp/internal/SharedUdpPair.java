package org.tributary.rtsp.internal;

import java.net.InetAddress;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import org.tributary.rtp.UdpPortPool;

/**
 * The RTP/RTCP socket pair that every viewer track on one event loop shares, as QTSS shared its UDP
 * sockets: bound from the pool on first use, closed (and its ports given back) when its last track
 * leaves. Viewers' RTCP is demultiplexed by {@link RtcpDemux}; what arrives on the RTP port (some
 * clients punch holes in their NAT with it) is dropped. Every method runs on the pair's loop.
 */
final class SharedUdpPair {

    /**
     * Bytes that may wait in a shared socket's channel before it is unwritable: every viewer of a loop
     * writes there, so it holds one packet for a few thousand viewers (Netty's default, 64 KiB, is
     * sized for one connection). Past it, the server's own link is the bottleneck and all lose frames.
     */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(2 << 20, 4 << 20);
    private static final PortPairBinder.Options OPTIONS = new PortPairBinder.Options(4 << 20, WATER_MARK);

    private final EventLoop loop;
    private final UdpPortPool pool;
    private final String bindAddress;
    private final Runnable onClosed;
    private RtcpDemux demux;
    private Future<PortPairBinder.Bound> binding;
    private int users;
    /**
     * Counts flushes of the RTP channel, from any thread: an increment lost to a race only delays
     * the next reset of a viewer's count of queued bytes to the next flush.
     */
    private volatile int flushes;

    /** @param onClosed told when the last track left and the sockets are closed */
    SharedUdpPair(EventLoop loop, UdpPortPool pool, String bindAddress, Runnable onClosed) {
        this.loop = loop;
        this.pool = pool;
        this.bindAddress = bindAddress;
        this.onClosed = onClosed;
    }

    /** Adds a viewer track, binding the pair first if it is the first. */
    Future<SharedUdpTransport> open(InetAddress client, int clientRtpPort, int clientRtcpPort,
                                    Consumer<ByteBuf> onRtcp) {
        users++;
        if (binding == null) {
            demux = new RtcpDemux(bindAddress + " (shared RTCP)");
            binding = PortPairBinder.bind(loop, pool, bindAddress, new UdpMediaTransport.Inlet(null),
                    new UdpMediaTransport.Inlet(demux::receive), OPTIONS);
        }
        Promise<SharedUdpTransport> promise = loop.newPromise();
        binding.addListener(f -> {
            if (!f.isSuccess()) {
                leave();
                promise.setFailure(f.cause());
                return;
            }
            PortPairBinder.Bound bound = binding.getNow();
            RtcpDemux.Route route = demux.add(client, clientRtcpPort, onRtcp);
            promise.setSuccess(new SharedUdpTransport(this, bound, client, clientRtpPort, clientRtcpPort, route));
        });
        return promise;
    }

    /** Takes a track's route away; the last one closes the sockets. Safe from any thread. */
    void release(RtcpDemux.Route route) {
        if (loop.inEventLoop()) {
            demux.remove(route);
            leave();
        } else {
            loop.execute(() -> release(route));
        }
    }

    private void leave() {
        if (--users > 0) {
            return;
        }
        onClosed.run();
        if (binding.isSuccess()) {
            PortPairBinder.Bound bound = binding.getNow();
            bound.rtp().flush();
            bound.rtp().close();
            bound.rtcp().close().addListener(f -> pool.release(bound.port()));
        }
    }

    /** Notes that the RTP channel is being flushed: every viewer's queued datagrams leave. */
    void flushed() {
        flushes++;
    }

    /** @return how many times the RTP channel was flushed, to tell whether it was since a viewer last looked */
    int flushes() {
        return flushes;
    }
}
