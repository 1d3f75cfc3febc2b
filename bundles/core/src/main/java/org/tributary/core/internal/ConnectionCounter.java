package org.tributary.core.internal;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Open connections per client address. */
final class ConnectionCounter {

    private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();

    /** @return false (and counts nothing) when the address already has {@code max} connections; 0 means no limit */
    boolean tryOpen(InetAddress client, int max) {
        boolean[] admitted = {false};
        open.compute(client, (address, count) -> {
            int current = count == null ? 0 : count;
            if (max > 0 && current >= max) {
                return count;
            }
            admitted[0] = true;
            return current + 1;
        });
        return admitted[0];
    }

    void close(InetAddress client) {
        open.computeIfPresent(client, (address, count) -> count <= 1 ? null : count - 1);
    }
}
