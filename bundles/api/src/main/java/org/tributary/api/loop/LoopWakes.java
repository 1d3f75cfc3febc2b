package org.tributary.api.loop;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Wakes many targets with one task per event loop instead of one per target: when a chunk or a packet
 * arrives, thousands of tasks handed to two or three loops cost more in queueing than the sends
 * themselves. A target with a wake pending is not woken again: work queued for it before its wake runs
 * is done by that wake. A loop that was shut down (its protocol bundle stopped first) refuses the task:
 * its connections went with it, so there is nothing to wake, and the caller (a source ending its
 * listeners while its own bundle stops) goes on with its work instead of failing halfway.
 */
public final class LoopWakes {

    /** Something woken on its own thread. */
    public interface Wakeable {

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
    public static void wake(Iterable<? extends Wakeable> targets) {
        Map<Executor, List<Wakeable>> byLoop = new IdentityHashMap<>();
        for (Wakeable target : targets) {
            if (target.claimWake()) {
                byLoop.computeIfAbsent(target.executor(), loop -> new ArrayList<>()).add(target);
            }
        }
        byLoop.forEach((loop, batch) -> execute(loop, () -> batch.forEach(Wakeable::woken)));
    }

    /** Wakes one target with a task on its executor, unless a wake is pending already. */
    public static void wake(Wakeable target) {
        if (target.claimWake()) {
            execute(target.executor(), target::woken);
        }
    }

    private static void execute(Executor loop, Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException shutDown) {
            // the loop is gone, and the connections it served with it
        }
    }
}
