package org.tributary.source.live.internal.sdp;

import java.net.InetAddress;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Which sender a feed takes packets from: the hosts of the SDP file's {@code a=source-filter} when
 * it has one, else the host of the first packet (its RTP and RTCP, from any port). A feed's UDP
 * ports are open to anyone who can reach them, so everything else is foreign and dropped.
 */
final class SenderLock {

    private final Set<InetAddress> allowed;
    private final AtomicReference<InetAddress> locked = new AtomicReference<>();

    /** @param allowed the senders the file allows, or empty to lock on the first one */
    SenderLock(Set<InetAddress> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    /** @return whether a packet from this host belongs to the feed; the first call may lock on it */
    boolean admits(InetAddress sender) {
        if (!allowed.isEmpty()) {
            return allowed.contains(sender);
        }
        InetAddress first = locked.compareAndExchange(null, sender);
        return first == null || first.equals(sender);
    }

    /** @return who the feed takes packets from, for log lines */
    String describe() {
        if (!allowed.isEmpty()) {
            return "the source filter's " + allowed.stream().map(InetAddress::getHostAddress).sorted().toList();
        }
        InetAddress first = locked.get();
        return first == null ? "nobody yet" : "the first sender " + first.getHostAddress();
    }
}
