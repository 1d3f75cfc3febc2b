package org.tributary.itests.bench;

/**
 * Latencies in one-microsecond buckets up to one second (one more bucket for anything longer), so
 * that percentiles over millions of packets cost 8 MB and no sorting. Negative latencies (clock
 * misuse) count in the first bucket. Not thread-safe: one thread records, others read after it ended.
 */
final class LatencyHistogram {

    private static final int BUCKETS = 1_000_000;
    private static final long NANOS_PER_BUCKET = 1_000;

    private final long[] counts = new long[BUCKETS + 1];
    private long total;
    private long maxNanos;

    /** Counts one latency. */
    void record(long nanos) {
        int bucket = (int) Math.min(BUCKETS, Math.max(0, nanos) / NANOS_PER_BUCKET);
        counts[bucket]++;
        total++;
        maxNanos = Math.max(maxNanos, nanos);
    }

    /** Returns how many latencies were recorded. */
    long count() {
        return total;
    }

    /**
     * Returns the latency at or below which {@code fraction} of the recorded ones lie, as the upper
     * edge of its bucket in milliseconds (0 when empty; the largest value when it is past one second).
     */
    double percentileMillis(double fraction) {
        if (fraction <= 0 || fraction > 1) {
            throw new IllegalArgumentException("percentile fraction " + fraction + " is outside (0, 1]");
        }
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            seen += counts[bucket];
            if (seen >= rank) {
                return (bucket + 1) * NANOS_PER_BUCKET / 1e6;
            }
        }
        return maxMillis();
    }

    /** Returns the largest latency recorded, in milliseconds (0 when empty). */
    double maxMillis() {
        return maxNanos / 1e6;
    }
}
