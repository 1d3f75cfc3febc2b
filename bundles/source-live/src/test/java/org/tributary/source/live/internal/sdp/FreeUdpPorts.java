package org.tributary.source.live.internal.sdp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;

/** Finds UDP port pairs (RTP, RTCP = RTP + 1) that are free on 127.0.0.1 right now. */
final class FreeUdpPorts {

    private FreeUdpPorts() {
    }

    /** @return a port P such that P and P + 1 could both be bound a moment ago */
    static int pair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramChannel first = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
                int port = ((InetSocketAddress) first.getLocalAddress()).getPort();
                if (port < 65535 && isFree(port + 1)) {
                    return port;
                }
            }
        }
        throw new IOException("no free UDP port pair on 127.0.0.1");
    }

    /** @return whether 127.0.0.1:port could be bound */
    static boolean isFree(int port) {
        try (DatagramChannel probe = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
