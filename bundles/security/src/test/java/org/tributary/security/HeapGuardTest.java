package org.tributary.security;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;

public class HeapGuardTest {

    private static final long MIB = 1 << 20;

    private final AtomicLong usedNow = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();
    private final HeapGuard guard = new HeapGuard(100 * MIB, usedNow::get, Set.of("Old"), nanos::get);

    @Test
    public void fullOnlyWhileBothTheLastCollectionAndTheHeapNowAreOverTheLimit() {
        guard.limitPercent(85);
        guard.usedAfterGc(90 * MIB);
        usedNow.set(95 * MIB);
        assertTrue(guard.full());
        usedNow.set(50 * MIB);
        assertFalse("the heap in use now shows the sessions that ended since that collection", guard.full());
        guard.usedAfterGc(80 * MIB);
        usedNow.set(99 * MIB);
        assertFalse("garbage waiting for the next collection is no reason to refuse", guard.full());
        assertEquals("80 MiB of 100 MiB heap in use after GC, over the limit of 85 %", guard.describe());
    }

    @Test
    public void aCollectionLongPastNoLongerCountsAQuietServerAdmitsAgain() {
        guard.limitPercent(85);
        usedNow.set(95 * MIB);
        assertFalse("no collection seen yet", guard.full());
        guard.usedAfterGc(90 * MIB);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(HeapGuard.RECENT_SECONDS) - 1);
        assertTrue(guard.full());
        nanos.addAndGet(1);
        assertFalse("no collection for " + HeapGuard.RECENT_SECONDS + " s: the heap is under no pressure", guard.full());
    }

    @Test
    public void aLimitOfZeroTurnsTheGuardOff() {
        guard.limitPercent(0);
        guard.usedAfterGc(100 * MIB);
        usedNow.set(100 * MIB);
        assertFalse(guard.full());
        assertThrows(IllegalArgumentException.class, () -> guard.limitPercent(101));
        assertThrows(IllegalArgumentException.class, () -> guard.limitPercent(-1));
    }

    /** The real JVM's collection notifications are read: with a limit of 1 %, holding 1/20 of the heap trips it. */
    @Test
    public void theJvmsCollectionsAreHeard() {
        long max = Runtime.getRuntime().maxMemory();
        try (HeapGuard real = HeapGuard.start(1)) {
            byte[][] held = new byte[20][];
            for (int i = 0; i < held.length; i++) {
                held[i] = new byte[(int) Math.min(max / 400, Integer.MAX_VALUE - 16)];
            }
            await("a collection reported").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        System.gc();
                        return real.full();
                    });
            assertTrue(held[19].length > 0);
            real.limitPercent(100);
            assertFalse(real.full());
        }
    }
}
