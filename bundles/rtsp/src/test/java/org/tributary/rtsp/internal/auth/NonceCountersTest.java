package org.tributary.rtsp.internal.auth;

import org.junit.Test;

import static org.junit.Assert.assertEquals;
import static org.tributary.rtsp.internal.auth.NonceCounters.Result.ACCEPTED;
import static org.tributary.rtsp.internal.auth.NonceCounters.Result.FORGOTTEN;
import static org.tributary.rtsp.internal.auth.NonceCounters.Result.REPLAYED;

public class NonceCountersTest {

    @Test
    public void countsMustIncrease() {
        NonceCounters counters = new NonceCounters(10);
        assertEquals(ACCEPTED, counters.advance("a", 1, 1));
        assertEquals(REPLAYED, counters.advance("a", 1, 1));
        assertEquals(ACCEPTED, counters.advance("a", 1, 3));
        assertEquals(REPLAYED, counters.advance("a", 1, 2));
        assertEquals(ACCEPTED, counters.advance("b", 2, 1));
    }

    @Test
    public void evictedNoncesAreForgottenNotTrusted() {
        NonceCounters counters = new NonceCounters(2);
        assertEquals(ACCEPTED, counters.advance("a", 10, 1));
        assertEquals(ACCEPTED, counters.advance("b", 20, 1));
        assertEquals(ACCEPTED, counters.advance("b", 20, 2));
        assertEquals(ACCEPTED, counters.advance("c", 30, 1));
        assertEquals(FORGOTTEN, counters.advance("a", 10, 2));
        assertEquals(FORGOTTEN, counters.advance("never-seen-but-old", 5, 1));
        assertEquals(ACCEPTED, counters.advance("b", 20, 3));
        assertEquals(ACCEPTED, counters.advance("d", 31, 1));
    }
}
