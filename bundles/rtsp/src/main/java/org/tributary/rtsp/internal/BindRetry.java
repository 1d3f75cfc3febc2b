package org.tributary.rtsp.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The listening sockets that could not be bound (a port another program holds), tried again on a
 * thread of their own every {@link #INTERVAL} until they bind or are no longer wanted. Its set is
 * concurrent and it holds no lock while it calls back, so the listeners may change it while they hold theirs.
 */
final class BindRetry {

    /** How long after a failed bind it is tried again. */
    static final Duration INTERVAL = Duration.ofSeconds(5);

    private final Set<ListenerKey> pending = ConcurrentHashMap.newKeySet();
    private final Consumer<ListenerKey> attempt;
    private final Duration interval;
    private final ScheduledExecutorService timer;

    /** @param attempt tries to bind one socket again, and calls {@link #remove} when it did */
    BindRetry(Consumer<ListenerKey> attempt, Duration interval) {
        this.attempt = attempt;
        this.interval = interval;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tributary-rtsp-bind-retry");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::run, millis, millis, TimeUnit.MILLISECONDS);
    }

    Duration interval() {
        return interval;
    }

    void add(ListenerKey key) {
        pending.add(key);
    }

    void remove(ListenerKey key) {
        pending.remove(key);
    }

    /** Forgets the sockets no longer wanted. */
    void keepOnly(Collection<ListenerKey> wanted) {
        pending.retainAll(wanted);
    }

    /** @return whether {@code key} waits for its port to be free */
    boolean waiting(ListenerKey key) {
        return pending.contains(key);
    }

    void shutdown() {
        pending.clear();
        timer.shutdownNow();
    }

    private void run() {
        for (ListenerKey key : Set.copyOf(pending)) {
            try {
                attempt.accept(key);
            } catch (RuntimeException e) {
                // a failed attempt must not end the timer: the next one may succeed
                pending.remove(key);
            }
        }
    }
}
