package org.tributary.itests.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

/** Percentiles read from microsecond buckets below one second and millisecond buckets above. */
public class LatencyHistogramTest {

    private final LatencyHistogram histogram = new LatencyHistogram();

    @Test
    public void readsPercentilesAsBucketUpperEdges() {
        for (int i = 1; i <= 100; i++) {
            histogram.record(i * 10_000L + 500); // 10.5 µs … 1000.5 µs
        }
        assertEquals(100, histogram.count());
        assertEquals(0.501, histogram.percentileMillis(0.5), 1e-9);
        assertEquals(0.991, histogram.percentileMillis(0.99), 1e-9);
        assertEquals(1.001, histogram.percentileMillis(1.0), 1e-9);
        assertEquals(1.0005, histogram.maxMillis(), 1e-9);
    }

    @Test
    public void readsLatenciesPastOneSecondInMillisecondBuckets() {
        histogram.record(1_000);
        histogram.record(3_000_000_000L);
        assertEquals(0.002, histogram.percentileMillis(0.5), 1e-9);
        assertEquals(3000.0, histogram.percentileMillis(1.0), 1e-9);
    }

    @Test
    public void keepsP50P99AndMaxApartWhenEveryCopyIsSecondsLate() {
        for (int i = 0; i < 100; i++) {
            histogram.record(1_200_000_000L + i * 20_000_000L); // 1.2 s … 3.18 s
        }
        assertEquals(2181.0, histogram.percentileMillis(0.5), 1e-9);
        assertEquals(3161.0, histogram.percentileMillis(0.99), 1e-9);
        assertEquals(3180.0, histogram.maxMillis(), 1e-9);
    }

    @Test
    public void keepsLatenciesPastOneMinuteInTheLastBucket() {
        histogram.record(90_000_000_000L);
        assertEquals(90_000.0, histogram.percentileMillis(0.5), 1e-9);
    }

    @Test
    public void isZeroWhenEmptyAndRefusesABadFraction() {
        assertEquals(0, histogram.percentileMillis(0.99), 0);
        assertThrows(IllegalArgumentException.class, () -> histogram.percentileMillis(0));
    }
}
