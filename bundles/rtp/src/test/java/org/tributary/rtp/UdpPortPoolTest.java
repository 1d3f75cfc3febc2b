package org.tributary.rtp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Test;

public class UdpPortPoolTest {

    @Test
    public void defaultRangeIsQuickTimeStreamingServers() {
        UdpPortPool pool = new UdpPortPool();

        assertEquals(1515, pool.capacity());
        assertEquals(OptionalInt.of(6970), pool.acquirePair());
    }

    @Test
    public void handsOutEvenPortsUntilExhaustedThenReusesReleasedOnes() {
        UdpPortPool pool = new UdpPortPool(7000, 7005);

        assertEquals(OptionalInt.of(7000), pool.acquirePair());
        assertEquals(OptionalInt.of(7002), pool.acquirePair());
        assertEquals(OptionalInt.of(7004), pool.acquirePair());
        assertEquals(OptionalInt.empty(), pool.acquirePair());
        assertEquals(3, pool.inUse());

        assertTrue(pool.release(7002));

        assertEquals(OptionalInt.of(7002), pool.acquirePair());
        assertEquals(OptionalInt.empty(), pool.acquirePair());
    }

    @Test
    public void releasedPairIsTheLastToBeReused() {
        UdpPortPool pool = new UdpPortPool(7000, 7005);

        pool.release(pool.acquirePair().getAsInt());

        assertEquals(OptionalInt.of(7002), pool.acquirePair());
    }

    @Test
    public void oddBoundsKeepPairsInsideTheRange() {
        UdpPortPool pool = new UdpPortPool(6971, 6976);

        assertEquals(2, pool.capacity());
        assertEquals(OptionalInt.of(6972), pool.acquirePair());
        assertEquals(OptionalInt.of(6974), pool.acquirePair());
        assertEquals(OptionalInt.empty(), pool.acquirePair());
    }

    @Test
    public void releaseIgnoresPortsItDidNotHandOut() {
        UdpPortPool pool = new UdpPortPool(7000, 7005);
        int port = pool.acquirePair().getAsInt();

        assertFalse(pool.release(port + 1));
        assertFalse(pool.release(7002));
        assertFalse(pool.release(6998));
        assertFalse(pool.release(7006));
        assertTrue(pool.release(port));
        assertFalse("double release", pool.release(port));
        assertEquals(0, pool.inUse());
    }

    @Test
    public void pairsThatCannotBeBoundAreSkippedAndStayFree() {
        UdpPortPool pool = new UdpPortPool(7000, 7005);

        assertEquals(OptionalInt.of(7002), pool.acquirePair(port -> port != 7000));
        assertEquals(1, pool.inUse());
        assertEquals(OptionalInt.empty(), pool.acquirePair(port -> false));
        assertEquals(1, pool.inUse());
        assertEquals(OptionalInt.of(7000), pool.acquirePair(port -> port == 7000));
    }

    @Test
    public void failingBindCheckDoesNotLeakThePair() {
        UdpPortPool pool = new UdpPortPool(7000, 7001);

        assertThrows(IllegalStateException.class, () -> pool.acquirePair(port -> {
            throw new IllegalStateException("socket test failed");
        }));

        assertEquals(0, pool.inUse());
        assertEquals(OptionalInt.of(7000), pool.acquirePair());
    }

    @Test
    public void concurrentCallersGetDistinctPairsUpToTheCapacity() throws Exception {
        UdpPortPool pool = new UdpPortPool(20_000, 20_999);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(threads.submit(() -> {
                    List<Integer> mine = new ArrayList<>();
                    for (OptionalInt port = pool.acquirePair(); port.isPresent(); port = pool.acquirePair()) {
                        mine.add(port.getAsInt());
                    }
                    return mine;
                }));
            }
            Set<Integer> all = new HashSet<>();
            int count = 0;
            for (Future<List<Integer>> result : results) {
                count += result.get().size();
                all.addAll(result.get());
            }
            assertEquals(500, count);
            assertEquals(500, all.size());
            assertEquals(500, pool.inUse());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    public void refusesRangesWithoutAPair() {
        assertThrows(IllegalArgumentException.class, () -> new UdpPortPool(7000, 7000));
        assertThrows(IllegalArgumentException.class, () -> new UdpPortPool(7001, 7002));
        assertThrows(IllegalArgumentException.class, () -> new UdpPortPool(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new UdpPortPool(9000, 70_000));
    }
}
