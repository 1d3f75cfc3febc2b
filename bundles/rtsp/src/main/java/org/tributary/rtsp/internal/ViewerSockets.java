package org.tributary.rtsp.internal;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import org.tributary.rtp.UdpPortPool;

/**
 * The shared UDP socket pairs of the server's viewers: one per event loop, local address and port
 * pool, so that the port range needs a pair per loop instead of a pair per viewer track. A changed
 * range takes effect for new viewers at once; the pairs of the old range close with their last viewer.
 */
final class ViewerSockets {

    private record Key(EventLoop loop, String bindAddress, UdpPortPool pool) {
    }

    private final Map<Key, SharedUdpPair> pairs = new ConcurrentHashMap<>();

    /**
     * Sends a viewer track over its loop's shared pair, binding it on first use.
     *
     * @param onRtcp receives the track's RTCP (the buffer is released after the call)
     * @return completes on {@code loop}; fails like {@link PortPairBinder#bind} when no pair can be bound
     */
    Future<SharedUdpTransport> open(EventLoop loop, UdpPortPool pool, String bindAddress, InetAddress client,
                                    int clientRtpPort, int clientRtcpPort, Consumer<ByteBuf> onRtcp) {
        if (!loop.inEventLoop()) {
            Promise<SharedUdpTransport> promise = loop.newPromise();
            loop.execute(() -> open(loop, pool, bindAddress, client, clientRtpPort, clientRtcpPort, onRtcp)
                    .addListener(f -> {
                        if (f.isSuccess()) {
                            promise.setSuccess((SharedUdpTransport) f.getNow());
                        } else {
                            promise.setFailure(f.cause());
                        }
                    }));
            return promise;
        }
        Key key = new Key(loop, bindAddress, pool);
        // only this loop adds or removes its own keys, so the pair found here stays until it is used
        SharedUdpPair pair = pairs.computeIfAbsent(key,
                k -> new SharedUdpPair(loop, pool, bindAddress, () -> pairs.remove(k)));
        return pair.open(client, clientRtpPort, clientRtcpPort, onRtcp);
    }

    /** @return how many shared pairs are open or opening */
    int size() {
        return pairs.size();
    }
}
