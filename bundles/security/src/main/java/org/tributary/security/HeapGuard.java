package org.tributary.security;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * Whether the heap has room for one more session. A server that admits sessions until the JVM runs out of
 * memory fails every session at once, the admitted ones included; one that refuses new sessions (503)
 * while the heap is nearly full keeps its promises to those it admitted. "Nearly full" is judged by what
 * stays in use after a garbage collection (the live data plus what the collector has not reached yet),
 * as the JVM reports it after every collection, against a share of the largest heap ({@code -Xmx}). The
 * heap in use right now must be over the limit too, and the last collection recent ({@value
 * #RECENT_SECONDS} s): a heap under pressure is collected often, while a server that went quiet after a busy
 * time is not refused for a collection long past (it may not collect again for a long while).
 * Thread-safe; {@link #close()} removes the JVM listeners.
 */
public final class HeapGuard implements AutoCloseable {

    /** The notification type of the JVM's garbage collectors, after each collection. */
    static final String GC_NOTIFICATION = "com.sun.management.gc.notification";
    /** How long a collection's figure counts: a heap under pressure is collected much more often. */
    static final long RECENT_SECONDS = 3;

    private final long maxBytes;
    private final LongSupplier usedNow;
    private final LongSupplier nanoClock;
    private final Set<String> heapPools;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::collected;
    private volatile long usedAfterGc;
    private volatile long collectedAt;
    private volatile boolean collected;
    private volatile int limitPercent;

    /**
     * @param maxBytes the largest heap
     * @param usedNow  the heap in use right now
     * @param heapPools the names of the heap's memory pools, whose use after a collection is added up
     * @param nanoClock monotonic time in nanoseconds
     */
    HeapGuard(long maxBytes, LongSupplier usedNow, Set<String> heapPools, LongSupplier nanoClock) {
        this.maxBytes = maxBytes;
        this.usedNow = usedNow;
        this.nanoClock = nanoClock;
        this.heapPools = Set.copyOf(heapPools);
    }

    /** @return a guard of this JVM's heap, listening to its collectors, with the given limit */
    public static HeapGuard start(int limitPercent) {
        Runtime runtime = Runtime.getRuntime();
        Set<String> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        HeapGuard guard = new HeapGuard(runtime.maxMemory(), () -> runtime.totalMemory() - runtime.freeMemory(), pools,
                System::nanoTime);
        guard.limitPercent(limitPercent);
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(guard.listener, null, null);
                guard.emitters.add(emitter);
            }
        }
        return guard;
    }

    /** @param percent the share of the largest heap over which new sessions are refused; 0 turns the guard off */
    public void limitPercent(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("heap limit " + percent + " % is outside 0-100");
        }
        this.limitPercent = percent;
    }

    /** @return whether the heap is over the limit: refuse new sessions */
    public boolean full() {
        long limit = limitBytes();
        return limit > 0 && collected && usedAfterGc > limit && usedNow.getAsLong() > limit
                && nanoClock.getAsLong() - collectedAt < TimeUnit.SECONDS.toNanos(RECENT_SECONDS);
    }

    /** @return the state in one phrase for a refusal's log line, e.g. "41 MiB of 48 MiB in use after GC, over 85 %" */
    public String describe() {
        return (usedAfterGc >> 20) + " MiB of " + (maxBytes >> 20) + " MiB heap in use after GC, over the limit of "
                + limitPercent + " %";
    }

    private long limitBytes() {
        int percent = limitPercent;
        return percent == 0 || maxBytes <= 0 || maxBytes == Long.MAX_VALUE ? 0 : maxBytes / 100 * percent;
    }

    /** Takes what a collection left in use from the JVM's notification. */
    void collected(Notification notification, Object handback) {
        if (!GC_NOTIFICATION.equals(notification.getType())
                || !(notification.getUserData() instanceof CompositeData info)
                || !(info.get("gcInfo") instanceof CompositeData gc)
                || !(gc.get("memoryUsageAfterGc") instanceof TabularData after)) {
            return;
        }
        long used = 0;
        for (Object row : after.values()) {
            CompositeData pool = (CompositeData) row;
            if (heapPools.contains(String.valueOf(pool.get("key")))) {
                used += MemoryUsage.from((CompositeData) pool.get("value")).getUsed();
            }
        }
        usedAfterGc(used);
    }

    /** Takes what a collection left in use, now. */
    void usedAfterGc(long bytes) {
        usedAfterGc = bytes;
        collectedAt = nanoClock.getAsLong();
        collected = true;
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone
            }
        }
        emitters.clear();
    }
}
