package org.tributary.rtsp.internal.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replay protection for Digest answers: the highest nonce count seen per nonce (an answer without
 * qop counts as 0, so it is accepted once per nonce), in a bounded
 * LRU map. A nonce whose entry was evicted cannot be checked any more, so every nonce issued no
 * later than an evicted one is reported FORGOTTEN (the client gets a fresh nonce) instead of being
 * trusted again. Thread-safe.
 */
final class NonceCounters {

    /** The verdict on one (nonce, nc). */
    enum Result {
        /** The count is higher than any seen for this nonce; it is now the highest. */
        ACCEPTED,
        /** The count was seen already, or a higher one: a replay. */
        REPLAYED,
        /** The nonce's history was evicted: its counts cannot be checked. */
        FORGOTTEN
    }

    private record Entry(long issuedAtMillis, long highestCount) {
    }

    private final Map<String, Entry> counters;
    private long evictedIssuedAtMillis = Long.MIN_VALUE;

    /** @param capacity how many nonces are remembered */
    NonceCounters(int capacity) {
        this.counters = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                if (size() <= capacity) {
                    return false;
                }
                evictedIssuedAtMillis = Math.max(evictedIssuedAtMillis, eldest.getValue().issuedAtMillis());
                return true;
            }
        };
    }

    /**
     * Records a nonce count.
     *
     * @param nonce          a nonce this server issued (checked before)
     * @param issuedAtMillis when it was issued
     * @param count          the client's nc
     */
    synchronized Result advance(String nonce, long issuedAtMillis, long count) {
        Entry entry = counters.get(nonce);
        if (entry == null) {
            if (issuedAtMillis <= evictedIssuedAtMillis) {
                return Result.FORGOTTEN;
            }
            counters.put(nonce, new Entry(issuedAtMillis, count));
            return Result.ACCEPTED;
        }
        if (count <= entry.highestCount()) {
            return Result.REPLAYED;
        }
        counters.put(nonce, new Entry(issuedAtMillis, count));
        return Result.ACCEPTED;
    }
}
