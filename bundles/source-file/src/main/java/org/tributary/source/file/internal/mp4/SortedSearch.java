package org.tributary.source.file.internal.mp4;

/** Binary searches over ascending (not necessarily strictly ascending) primitive arrays. */
final class SortedSearch {

    private SortedSearch() {
    }

    /** @return the last index whose value is at or below {@code key}, or -1 when every value is above it */
    static int lastAtOrBelow(long[] values, int length, long key) {
        int low = 0;
        int high = length - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (values[middle] <= key) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    /** @return the last index whose value is at or below {@code key}, or -1 when every value is above it */
    static int lastAtOrBelow(int[] values, int length, int key) {
        int low = 0;
        int high = length - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (values[middle] <= key) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }
}
