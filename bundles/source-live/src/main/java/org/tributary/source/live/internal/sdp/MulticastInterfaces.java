package org.tributary.source.live.internal.sdp;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;

/**
 * Chooses the network interface a feed joins its multicast group on: the configured one, which
 * must exist, be up and support multicast, or else the first interface that is up, supports
 * multicast and has an address of the group's family, preferring one that is not the loopback.
 */
final class MulticastInterfaces {

    private MulticastInterfaces() {
    }

    /**
     * @param configured an interface name such as {@code eth0}, or blank for the default
     * @param group      the multicast group to join
     * @return the interface
     * @throws MediaException INVALID naming the interface and why it cannot join
     */
    static NetworkInterface choose(String configured, InetAddress group) throws MediaException {
        try {
            if (configured != null && !configured.isBlank()) {
                return usable(configured.trim());
            }
            List<NetworkInterface> all = Collections.list(NetworkInterface.getNetworkInterfaces());
            return all.stream()
                    .filter(ni -> canJoin(ni, group))
                    .min(Comparator.comparing(MulticastInterfaces::isLoopback))
                    .orElseThrow(() -> new MediaException(Reason.INVALID, "no network interface of this host is up"
                            + " with multicast and an address for " + group.getHostAddress()
                            + "; set multicastInterface"));
        } catch (SocketException e) {
            throw new MediaException(Reason.INVALID, "cannot list the network interfaces: " + e.getMessage(), e);
        }
    }

    private static NetworkInterface usable(String name) throws SocketException, MediaException {
        NetworkInterface ni = NetworkInterface.getByName(name);
        if (ni == null) {
            throw new MediaException(Reason.INVALID, "multicastInterface " + name + " is not an interface of this host");
        }
        if (!ni.isUp()) {
            throw new MediaException(Reason.INVALID, "multicastInterface " + name + " is down");
        }
        if (!ni.supportsMulticast()) {
            throw new MediaException(Reason.INVALID, "multicastInterface " + name
                    + " does not support multicast (no MULTICAST flag)");
        }
        return ni;
    }

    private static boolean canJoin(NetworkInterface ni, InetAddress group) {
        try {
            return ni.isUp() && ni.supportsMulticast() && ni.inetAddresses()
                    .anyMatch(a -> (a instanceof Inet4Address) == (group instanceof Inet4Address));
        } catch (SocketException e) {
            return false;
        }
    }

    private static boolean isLoopback(NetworkInterface ni) {
        try {
            return ni.isLoopback();
        } catch (SocketException e) {
            return true;
        }
    }
}
