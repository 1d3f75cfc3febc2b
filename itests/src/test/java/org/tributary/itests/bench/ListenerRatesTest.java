package org.tributary.itests.bench;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class ListenerRatesTest {

    @Test
    public void ratesAreBitsPerSecondOverTheWindowWithTheMedianOfAnEvenCount() {
        long[] before = {0, 1000, 0, 500};
        long[] after = {16_000, 17_000, 8_000, 500};
        long[] gaps = {100, 100, 3_000, 5_000};
        ListenerRates rates = ListenerRates.of(before, after, gaps, 1.0, 2_000);
        assertEquals(4, rates.listeners());
        assertEquals(3, rates.receiving());
        assertEquals(0.0, rates.minKbps(), 1e-9);
        assertEquals(96.0, rates.medianKbps(), 1e-9);
        assertEquals(2, rates.stalls());
    }

    @Test
    public void listenersOpenedDuringTheWindowAreLeftOut() {
        ListenerRates rates = ListenerRates.of(new long[] {0}, new long[] {32_000, 5}, new long[] {0, 0}, 2.0, 1);
        assertEquals(1, rates.listeners());
        assertEquals(128.0, rates.medianKbps(), 1e-9);
        assertEquals(0, rates.stalls());
    }
}
