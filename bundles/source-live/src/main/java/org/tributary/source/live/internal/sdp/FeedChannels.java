package org.tributary.source.live.internal.sdp;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;

/**
 * The bound UDP ports of one feed: per track an RTP and an RTCP port, non-blocking. A unicast feed
 * binds the file's address; a multicast feed binds the port on every address of the group's family
 * and joins the group (for each source of the file's source filter, or for any source).
 */
final class FeedChannels implements AutoCloseable {

    /** Large enough for a burst of a key frame, so the kernel does not drop it before we read it. */
    private static final int RECEIVE_BUFFER_BYTES = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(FeedChannels.class);

    /** One bound port and what arrives on it. */
    record Port(DatagramChannel channel, int track, boolean rtcp) {
    }

    private final List<Port> ports;

    private FeedChannels(List<Port> ports) {
        this.ports = List.copyOf(ports);
    }

    /**
     * Binds every port, or none: on a failure the ports bound so far are released.
     *
     * @param file               the SDP file's name, for messages
     * @param endpoints          the tracks' addresses and ports
     * @param sources            the senders of the file's source filter, or empty
     * @param multicastInterface the configured interface for multicast joins, or blank
     * @return the bound ports
     * @throws MediaException BUSY naming the file and the port when a port is in use, INVALID when a group
     *                        cannot be joined, CORRUPT for other socket errors
     */
    static FeedChannels open(String file, List<TrackEndpoint> endpoints, Set<InetAddress> sources,
                             String multicastInterface) throws MediaException {
        List<Port> bound = new ArrayList<>();
        try {
            for (TrackEndpoint endpoint : endpoints) {
                NetworkInterface ni = endpoint.isMulticast()
                        ? MulticastInterfaces.choose(multicastInterface, endpoint.address()) : null;
                bound.add(new Port(bind(file, endpoint, endpoint.rtpPort(), ni, sources), endpoint.track(), false));
                bound.add(new Port(bind(file, endpoint, endpoint.rtcpPort(), ni, sources), endpoint.track(), true));
            }
            return new FeedChannels(bound);
        } catch (MediaException | RuntimeException e) {
            new FeedChannels(bound).close();
            throw e;
        }
    }

    private static DatagramChannel bind(String file, TrackEndpoint endpoint, int port, NetworkInterface ni,
                                        Set<InetAddress> sources) throws MediaException {
        InetAddress address = endpoint.address();
        ProtocolFamily family = address instanceof Inet6Address ? StandardProtocolFamily.INET6
                : StandardProtocolFamily.INET;
        String where = LiteralAddresses.text(address, port);
        DatagramChannel channel = null;
        try {
            channel = DatagramChannel.open(family);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER_BYTES);
            channel.bind(new InetSocketAddress(ni == null ? address : anyAddress(family), port));
            if (ni != null) {
                join(channel, address, ni, sources);
            }
            channel.configureBlocking(false);
            return channel;
        } catch (BindException e) {
            close(channel);
            throw new MediaException(Reason.BUSY, "SDP file " + file + ": UDP port " + where
                    + " cannot be bound (" + e.getMessage() + "); another program or feed uses it", e);
        } catch (IOException | UnsupportedOperationException e) {
            close(channel);
            String what = ni == null ? "cannot receive on " + where
                    : "cannot join multicast group " + where + " on " + ni.getName();
            throw new MediaException(ni == null ? Reason.CORRUPT : Reason.INVALID,
                    "SDP file " + file + ": " + what + ": " + e.getMessage(), e);
        }
    }

    private static void join(DatagramChannel channel, InetAddress group, NetworkInterface ni,
                             Set<InetAddress> sources) throws IOException {
        if (sources.isEmpty()) {
            channel.join(group, ni);
            return;
        }
        for (InetAddress source : sources) {
            // a source of the other family cannot be joined and would fail the whole feed
            if ((source instanceof Inet6Address) == (group instanceof Inet6Address)) {
                channel.join(group, ni, source);
            }
        }
    }

    private static InetAddress anyAddress(ProtocolFamily family) throws IOException {
        return InetAddress.getByAddress(new byte[family == StandardProtocolFamily.INET6 ? 16 : 4]);
    }

    List<Port> ports() {
        return ports;
    }

    /** Releases every port (leaving its groups); never throws. */
    @Override
    public void close() {
        for (Port port : ports) {
            close(port.channel());
        }
    }

    private static void close(DatagramChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing a feed port failed", e);
        }
    }
}
