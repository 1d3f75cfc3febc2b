package org.tributary.core.internal;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts failed logins per address; too many within the window block the address for a while.
 * Memory stays bounded: addresses without recent failures are forgotten, and past a cap the
 * oldest entries go first.
 */
final class LoginThrottle {

    private static final int MAX_ADDRESSES = 100_000;

    private record Failures(Deque<Long> times, long blockedUntil) {
    }

    private final Map<InetAddress, Failures> failures = new ConcurrentHashMap<>();
    private final LongSupplier clockMillis;
    private final int maxFailures;
    private final long windowMillis;
    private final long blockMillis;

    LoginThrottle(LongSupplier clockMillis, int maxFailures, long windowMillis, long blockMillis) {
        this.clockMillis = clockMillis;
        this.maxFailures = Math.max(1, maxFailures);
        this.windowMillis = windowMillis;
        this.blockMillis = blockMillis;
    }

    /** @return true when this failure blocked the address */
    boolean failed(InetAddress client) {
        long now = clockMillis.getAsLong();
        if (failures.size() >= MAX_ADDRESSES) {
            failures.entrySet().removeIf(e -> expired(e.getValue(), now));
        }
        Failures updated = failures.compute(client, (address, previous) -> {
            Deque<Long> times = previous == null ? new ArrayDeque<>() : previous.times();
            times.addLast(now);
            while (!times.isEmpty() && now - times.peekFirst() > windowMillis) {
                times.removeFirst();
            }
            long until = previous == null ? 0 : previous.blockedUntil();
            if (times.size() >= maxFailures && until <= now) {
                until = now + blockMillis;
                times.clear();
            }
            return new Failures(times, until);
        });
        return updated.blockedUntil() > now && updated.times().isEmpty();
    }

    boolean blocked(InetAddress client) {
        Failures f = failures.get(client);
        return f != null && f.blockedUntil() > clockMillis.getAsLong();
    }

    /** @return recent failures of an address, used to slow its next answers down */
    int recentFailures(InetAddress client) {
        Failures f = failures.get(client);
        return f == null ? 0 : f.times().size();
    }

    private boolean expired(Failures f, long now) {
        return f.blockedUntil() <= now && (f.times().isEmpty() || now - f.times().peekLast() > windowMillis);
    }
}
