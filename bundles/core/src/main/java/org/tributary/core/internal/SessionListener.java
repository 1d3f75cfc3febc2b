package org.tributary.core.internal;

import org.tributary.api.StreamSession;

/**
 * Told by the {@link SessionRegistryImpl} of every session that opened, and of every session that ended (its
 * counters are final), so the totals and the access log see each session once. A service of this bundle
 * only; listeners do not use the registry, so neither waits for the other.
 */
public interface SessionListener {

    /** @param session a session that was just added */
    default void added(StreamSession session) {
    }

    /**
     * @param session   the session that ended
     * @param stillOpen how many sessions are open without it
     */
    void ended(StreamSession session, int stillOpen);
}
