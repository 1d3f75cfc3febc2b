package org.tributary.itests.bench;

/**
 * Latencies in one-microsecond buckets up to one second, then one-millisecond buckets up to a minute
 * (one more bucket for anything longer), so that percentiles over millions of packets cost 8.5 MB and no
 * sorting, and a run whose copies are seconds late still reports distinct p50, p99 and max. Negative
 * latencies (clock misuse) count in the first bucket. Not thread-safe: one thread records, others read
 * after it ended.
 */
final class LatencyHistogram {

    private static final int FINE_BUCKETS = 1_000_000;
    private static final long NANOS_PER_FINE = 1_000;
    private static final int COARSE_BUCKETS = 60_000;
    private static final long NANOS_PER_COARSE = 1_000_000;
    private static final long FINE_LIMIT = FINE_BUCKETS * NANOS_PER_FINE;

    private final long[] fine = new long[FINE_BUCKETS];
    private final long[] coarse = new long[COARSE_BUCKETS + 1];
    private long total;
    private long maxNanos;

    /** Counts one latency. */
    void record(long nanos) {
        long n = Math.max(0, nanos);
        if (n < FINE_LIMIT) {
            fine[(int) (n / NANOS_PER_FINE)]++;
        } else {
            coarse[(int) Math.min(COARSE_BUCKETS, n / NANOS_PER_COARSE)]++;
        }
        total++;
        maxNanos = Math.max(maxNanos, nanos);
    }

    /** Returns how many latencies were recorded. */
    long count() {
        return total;
    }

    /**
     * Returns the latency at or below which {@code fraction} of the recorded ones lie, as the upper
     * edge of its bucket in milliseconds (0 when empty; the largest value when it is past one minute).
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
        for (int bucket = 0; bucket < FINE_BUCKETS; bucket++) {
            seen += fine[bucket];
            if (seen >= rank) {
                return (bucket + 1) * NANOS_PER_FINE / 1e6;
            }
        }
        // the coarse buckets start at one second: bucket b holds [b, b + 1) ms, b >= 1000
        for (int bucket = 0; bucket < COARSE_BUCKETS; bucket++) {
            seen += coarse[bucket];
            if (seen >= rank) {
                return Math.min((bucket + 1) * NANOS_PER_COARSE, maxNanos) / 1e6;
            }
        }
        return maxMillis();
    }

    /** Returns the largest latency recorded, in milliseconds (0 when empty). */
    double maxMillis() {
        return maxNanos / 1e6;
    }
}
