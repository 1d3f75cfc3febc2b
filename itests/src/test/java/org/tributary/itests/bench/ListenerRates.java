package org.tributary.itests.bench;

import java.util.Arrays;

/**
 * What the listeners of one measuring window received: how many were still receiving, the slowest and the
 * median rate in kbit/s, and how many stalled (went longer than the stall bound without data).
 *
 * @param listeners listeners measured
 * @param receiving listeners that received data in the window
 * @param minKbps   the lowest rate of a listener
 * @param medianKbps the median rate
 * @param stalls    listeners whose longest gap without data exceeded the bound
 */
record ListenerRates(int listeners, int receiving, double minKbps, double medianKbps, int stalls) {

    /**
     * @param before    bytes per listener at the window's start
     * @param after     bytes per listener at its end (the same listeners first, possibly more after)
     * @param gaps      each listener's longest gap without data in the window, in nanoseconds
     * @param seconds   the window's length
     * @param stallNanos a gap longer than this is a stall
     */
    static ListenerRates of(long[] before, long[] after, long[] gaps, double seconds, long stallNanos) {
        int n = Math.min(before.length, after.length);
        double[] kbps = new double[n];
        int receiving = 0;
        for (int i = 0; i < n; i++) {
            long bytes = after[i] - before[i];
            kbps[i] = bytes * 8 / seconds / 1000;
            receiving += bytes > 0 ? 1 : 0;
        }
        Arrays.sort(kbps);
        int stalls = (int) Arrays.stream(gaps, 0, Math.min(n, gaps.length)).filter(gap -> gap > stallNanos).count();
        double min = n == 0 ? 0 : kbps[0];
        double median = n == 0 ? 0 : n % 2 == 1 ? kbps[n / 2] : (kbps[n / 2 - 1] + kbps[n / 2]) / 2;
        return new ListenerRates(n, receiving, min, median, stalls);
    }
}
