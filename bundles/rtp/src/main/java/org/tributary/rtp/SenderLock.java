package org.tributary.rtp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Which sender a receiving UDP port takes packets from. A server's receiving ports are open to anyone
 * who can reach them, so every packet from another sender is foreign: the caller drops and counts it.
 * <ul>
 * <li>{@link #anyPort}: a host of a given set (an SDP file's {@code a=source-filter}) or, when the set
 * is empty, the host of the first packet, from any of its ports;</li>
 * <li>{@link #endpoint}: one host and one port (an RTSP publisher's address and its Transport
 * {@code client_port}) or, when no port is given, the port of the first packet from that host.</li>
 * </ul>
 * Thread-safe; the first packet locks once, whichever thread sees it.
 */
public final class SenderLock {

    private final Set<InetAddress> hosts;
    private final boolean portMatters;
    private final AtomicReference<InetSocketAddress> locked = new AtomicReference<>();

    private SenderLock(Set<InetAddress> hosts, boolean portMatters, InetSocketAddress fixed) {
        this.hosts = Set.copyOf(hosts);
        this.portMatters = portMatters;
        locked.set(fixed);
    }

    /**
     * @param allowed the hosts allowed, or empty to lock on the host of the first packet
     * @return a lock on hosts, whatever port they send from
     */
    public static SenderLock anyPort(Set<InetAddress> allowed) {
        return new SenderLock(allowed, false, null);
    }

    /**
     * @param host the one host allowed
     * @param port the one port allowed, or 0 to lock on the port of the host's first packet
     * @return a lock on one sending port
     */
    public static SenderLock endpoint(InetAddress host, int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port " + port + " out of range");
        }
        return new SenderLock(Set.of(host), true, port == 0 ? null : new InetSocketAddress(host, port));
    }

    /** @return whether a packet from this sender is admitted; the first admitted one may lock the lock on it */
    public boolean admits(InetSocketAddress sender) {
        InetAddress host = sender.getAddress();
        if (!hosts.isEmpty() && !hosts.contains(host)) {
            return false;
        }
        if (!portMatters && !hosts.isEmpty()) {
            return true;
        }
        InetSocketAddress key = portMatters ? sender : new InetSocketAddress(host, 0);
        InetSocketAddress first = locked.compareAndExchange(null, key);
        return first == null || first.equals(key);
    }

    /** @return whom the port takes packets from, for log lines */
    public String describe() {
        InetSocketAddress first = locked.get();
        if (portMatters) {
            String host = hosts.iterator().next().getHostAddress();
            return first == null ? "the first port of " + host + " (none yet)" : "the sender " + host + ":" + first.getPort();
        }
        if (!hosts.isEmpty()) {
            return "the source filter's " + hosts.stream().map(InetAddress::getHostAddress).sorted().toList();
        }
        return first == null ? "nobody yet" : "the first sender " + first.getAddress().getHostAddress();
    }
}
