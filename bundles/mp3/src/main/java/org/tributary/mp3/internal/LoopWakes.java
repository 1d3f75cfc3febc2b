package org.tributary.mp3.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Wakes many listeners with one task per event loop instead of one per listener: when a chunk arrives every
 * listener of a station is woken, and thousands of tasks handed to two or three loops cost more in queueing
 * than the sends themselves.
 */
final class LoopWakes {

    /** Something woken on its own thread. */
    interface Wakeable {

        /** @return the thread (event loop) its work runs on */
        Executor executor();

        /** @return true when no wake is pending yet: the caller must then run {@link #woken()} on it */
        boolean claimWake();

        /** Runs on its executor: the pending wake. */
        void woken();
    }

    private LoopWakes() {
    }

    /** Wakes every target that has no wake pending, with one task for each distinct executor. */
    static void wake(Iterable<? extends Wakeable> targets) {
        Map<Executor, List<Wakeable>> byLoop = new IdentityHashMap<>();
        for (Wakeable target : targets) {
            if (target.claimWake()) {
                byLoop.computeIfAbsent(target.executor(), loop -> new ArrayList<>()).add(target);
            }
        }
        byLoop.forEach((loop, batch) -> loop.execute(() -> batch.forEach(Wakeable::woken)));
    }
}
