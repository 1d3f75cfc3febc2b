package org.tributary.rtsp.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.rtp.ReportBlock;
import org.tributary.rtp.Rtcp;

/**
 * Hands each RTCP packet that arrives on a socket shared by many viewer tracks to the track it comes
 * from: first by its source, the client's address and the RTCP port it declared in SETUP; when that
 * names no single track (a NAT rewrote the port, or one client declared the same port twice), by the
 * SSRC its report blocks are about, among the tracks of the same client address. Anything else is
 * dropped and counted, and logged at a bounded rate. Not thread-safe: used on its socket's event loop.
 */
final class RtcpDemux {

    private static final Logger LOG = LoggerFactory.getLogger(RtcpDemux.class);

    /** One viewer track's registration: where its client sends RTCP from, and who receives it. */
    static final class Route {
        private final InetSocketAddress declared;
        private final Consumer<ByteBuf> receiver;
        private int ssrc;
        private boolean identified;

        private Route(InetSocketAddress declared, Consumer<ByteBuf> receiver) {
            this.declared = declared;
            this.receiver = receiver;
        }

        /** Names the SSRC the server sends this track with: receiver reports about it are the client's. */
        void ssrc(int value) {
            ssrc = value;
            identified = true;
        }

        private boolean reportsOn(List<ReportBlock> blocks) {
            if (identified) {
                for (ReportBlock block : blocks) {
                    if (block.ssrc() == ssrc) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private final Map<InetSocketAddress, List<Route>> bySource = new HashMap<>();
    private final Map<InetAddress, List<Route>> byClient = new HashMap<>();
    private final String where;
    private long dropped;

    /** @param where names the socket in log lines, such as {@code "127.0.0.1:6971"} */
    RtcpDemux(String where) {
        this.where = where;
    }

    /**
     * @param client      the viewer's address
     * @param rtcpPort    the RTCP port it declared (its {@code client_port}'s second number)
     * @param receiver    gets each packet of this track; the buffer is released after the call
     */
    Route add(InetAddress client, int rtcpPort, Consumer<ByteBuf> receiver) {
        Route route = new Route(new InetSocketAddress(client, rtcpPort), receiver);
        bySource.computeIfAbsent(route.declared, k -> new ArrayList<>(1)).add(route);
        byClient.computeIfAbsent(client, k -> new ArrayList<>(2)).add(route);
        return route;
    }

    void remove(Route route) {
        drop(bySource, route.declared, route);
        drop(byClient, route.declared.getAddress(), route);
    }

    private static <K> void drop(Map<K, List<Route>> map, K key, Route route) {
        List<Route> routes = map.get(key);
        if (routes != null && routes.remove(route) && routes.isEmpty()) {
            map.remove(key);
        }
    }

    /** @return how many tracks are registered */
    int size() {
        return byClient.values().stream().mapToInt(List::size).sum();
    }

    /** @return how many packets were dropped for coming from no registered track */
    long dropped() {
        return dropped;
    }

    /**
     * @param sender where the packet came from
     * @param packet one compound RTCP packet; its indices are not moved before the receiver gets it
     */
    void receive(InetSocketAddress sender, ByteBuf packet) {
        List<Route> exact = bySource.get(sender);
        if (exact != null && exact.size() == 1) {
            exact.get(0).receiver.accept(packet);
            return;
        }
        List<Route> sameClient = exact != null ? exact : byClient.get(sender.getAddress());
        if (sameClient != null) {
            List<ReportBlock> blocks = Rtcp.parse(packet).reports();
            for (Route route : sameClient) {
                if (route.reportsOn(blocks)) {
                    route.receiver.accept(packet);
                    return;
                }
            }
        }
        if (Long.bitCount(++dropped) == 1) {
            // logged at 1, 2, 4, 8… packets so a flood cannot flood the log
            LOG.warn("Dropped {} RTCP packets on {}; the last from {}, which is no viewer track's client port "
                    + "and reports on no track of that address", dropped, where, sender);
        }
    }
}
