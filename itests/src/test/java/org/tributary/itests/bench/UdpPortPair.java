package org.tributary.itests.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;

/** Opens non-blocking loopback UDP channels for RTP on an even port and RTCP on the port after it (RFC 3550 §11). */
final class UdpPortPair {

    private static final int ATTEMPTS = 200;

    private UdpPortPair() {
    }

    /**
     * Returns {@code {rtp, rtcp}}, both with {@code receiveBuffer} bytes of SO_RCVBUF.
     *
     * @throws IOException when no free pair was found after 200 attempts
     */
    static DatagramChannel[] open(int receiveBuffer) throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            DatagramChannel rtp = open(0, receiveBuffer);
            int port = port(rtp);
            if (port % 2 == 0 && port < 65535) {
                try {
                    return new DatagramChannel[] {rtp, open(port + 1, receiveBuffer)};
                } catch (IOException taken) {
                    // the odd port is in use: try another pair
                }
            }
            rtp.close();
        }
        throw new IOException("no free even/odd UDP port pair after " + ATTEMPTS + " attempts");
    }

    /** Returns the local port a channel is bound to. */
    static int port(DatagramChannel channel) throws IOException {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    private static DatagramChannel open(int port, int receiveBuffer) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBuffer);
            channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            channel.configureBlocking(false);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return channel;
    }
}
