package org.tributary.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Picks loopback ports that are free right now, so several servers and test runs never collide. */
public final class FreePorts {

    /** Size of the RTP/RTCP port range given to one server instance unless asked otherwise. */
    public static final int RTP_RANGE_SIZE = 2000;

    private FreePorts() {
    }

    /**
     * Returns {@code count} distinct TCP ports that were free on 127.0.0.1. All sockets are held
     * open until every port is picked, so the kernel cannot hand out the same port twice.
     */
    public static int[] tcp(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find free TCP ports", e);
        } finally {
            held.forEach(FreePorts::closeQuietly);
        }
    }

    /**
     * Returns a random even port in 20000–60000 as the first port of an RTP range of
     * {@code size} ports; random so that concurrent instances are unlikely to share ports.
     */
    public static int rtpRangeBase(int size) {
        if (size < 2 || size > 40000) {
            throw new IllegalArgumentException("RTP port range of " + size + " ports is outside 2..40000");
        }
        int base = ThreadLocalRandom.current().nextInt(20000, 60000 - size + 1);
        return base & ~1;
    }

    /**
     * Returns an even UDP port P such that P and P + 1 were free on 127.0.0.1, between 61000 and
     * 65000: above Linux's ephemeral ports and the RTP ranges {@link #rtpRangeBase} gives servers,
     * so neither can take it before the feed that uses it binds it.
     */
    public static int udpPair() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(61000, 64999) & ~1;
            if (udpFree(port) && udpFree(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no free UDP port pair between 61000 and 65000 on 127.0.0.1");
    }

    private static boolean udpFree(int port) {
        try (DatagramSocket socket = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the port number is all we wanted
        }
    }
}
