package org.tributary.source.live.internal.sdp;

import java.net.InetAddress;

/**
 * Where one track of an SDP-file feed arrives.
 *
 * @param track    the track index, in SDP order
 * @param address  the connection address: one of this host's addresses, or a multicast group
 * @param rtpPort  the {@code m=} line's port
 * @param rtcpPort {@code a=rtcp}'s port, else {@code rtpPort + 1}
 */
record TrackEndpoint(int track, InetAddress address, int rtpPort, int rtcpPort) {

    boolean isMulticast() {
        return address.isMulticastAddress();
    }

    /** @return {@code address:port} of the RTP port, as logs and management show it */
    String describe() {
        return LiteralAddresses.text(address, rtpPort);
    }
}
