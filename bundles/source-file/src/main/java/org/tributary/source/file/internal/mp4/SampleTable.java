package org.tributary.source.file.internal.mp4;

import java.util.Arrays;

/**
 * The compact, immutable sample index of one track: sizes, decoding times (as runs), composition
 * offsets, sync samples and chunk positions. A sample's file offset is its chunk's offset plus
 * the sizes of the samples before it in the chunk, so no per-sample offset is stored.
 * Sample numbers are 0-based. Every time it takes or gives is on the track's presentation
 * timeline: the media time moved by the shift of the track's edit list (see {@link EditList}),
 * so times before the first presented instant are negative.
 */
final class SampleTable {

    private final int[] sizes;
    private final DecodeTimes times;
    private final int[] compositionOffsets;
    private final int[] syncSamples;
    private final long[] chunkOffsets;
    private final int[] chunkFirstSamples;
    private final long totalBytes;
    private final long timeShift;

    /**
     * @param sizes              size of each sample, at least one
     * @param times              decoding times of the same samples
     * @param compositionOffsets per-sample composition offsets, or null when all are 0
     * @param syncSamples        ascending sync sample numbers, or null when every sample is a sync sample
     * @param chunkOffsets       file offset of each chunk that holds samples
     * @param chunkFirstSamples  first sample of each of those chunks, ascending, starting at 0
     */
    SampleTable(int[] sizes, DecodeTimes times, int[] compositionOffsets, int[] syncSamples,
                long[] chunkOffsets, int[] chunkFirstSamples) {
        this.sizes = sizes;
        this.times = times;
        this.compositionOffsets = compositionOffsets;
        this.syncSamples = syncSamples;
        this.chunkOffsets = chunkOffsets;
        this.chunkFirstSamples = chunkFirstSamples;
        this.totalBytes = Arrays.stream(sizes).asLongStream().sum();
        this.timeShift = 0;
    }

    private SampleTable(SampleTable media, long timeShift) {
        this.sizes = media.sizes;
        this.times = media.times;
        this.compositionOffsets = media.compositionOffsets;
        this.syncSamples = media.syncSamples;
        this.chunkOffsets = media.chunkOffsets;
        this.chunkFirstSamples = media.chunkFirstSamples;
        this.totalBytes = media.totalBytes;
        this.timeShift = media.timeShift + timeShift;
    }

    /** @return the same table with every time moved by {@code ticks}; the tables are shared */
    SampleTable shifted(long ticks) {
        return ticks == 0 ? this : new SampleTable(this, ticks);
    }

    int count() {
        return sizes.length;
    }

    int size(int sample) {
        return sizes[sample];
    }

    long decodeTime(int sample) {
        return times.time(sample) + timeShift;
    }

    long presentationTime(int sample) {
        return decodeTime(sample) + compositionOffset(sample);
    }

    int duration(int sample) {
        return times.duration(sample);
    }

    int compositionOffset(int sample) {
        return compositionOffsets == null ? 0 : compositionOffsets[sample];
    }

    boolean isSync(int sample) {
        return syncSamples == null || Arrays.binarySearch(syncSamples, sample) >= 0;
    }

    /**
     * Key frames are presented in decoding order (only the frames between two of them are
     * reordered), so a binary search over their presentation times is sound.
     *
     * @return the last sync sample presented at or before {@code time}, or -1 when the first is presented later
     */
    int lastSyncPresentedBy(long time) {
        int low = 0;
        int high = (syncSamples == null ? sizes.length : syncSamples.length) - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int sample = syncSamples == null ? middle : syncSamples[middle];
            if (presentationTime(sample) <= time) {
                found = sample;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    /** @return the last sample decoded at or before {@code time}, or -1 when the first comes later */
    int sampleAt(long time) {
        long mediaTime = time - timeShift;
        // a time far outside the track (a seek into a huge edit) must not wrap around
        if (((time ^ timeShift) & (time ^ mediaTime)) < 0) {
            return time < 0 ? -1 : sizes.length - 1;
        }
        return times.sampleAt(mediaTime);
    }

    /** @return when the last sample ends (in decoding time), in track timescale units */
    long endTime() {
        return times.end() + timeShift;
    }

    /** @return the sum of all sample sizes */
    long totalBytes() {
        return totalBytes;
    }

    /** @return the chunk holding {@code sample} */
    int chunkOf(int sample) {
        return SortedSearch.lastAtOrBelow(chunkFirstSamples, chunkFirstSamples.length, sample);
    }

    /** @return true when {@code sample} is the first sample of a chunk after {@code chunk} */
    boolean startsChunkAfter(int chunk, int sample) {
        return chunk + 1 < chunkFirstSamples.length && chunkFirstSamples[chunk + 1] == sample;
    }

    long chunkOffset(int chunk) {
        return chunkOffsets[chunk];
    }

    /** @return the file offset of {@code sample}, summing the sizes before it in its chunk */
    long offsetOf(int sample) {
        int chunk = chunkOf(sample);
        long offset = chunkOffsets[chunk];
        for (int s = chunkFirstSamples[chunk]; s < sample; s++) {
            offset += sizes[s];
        }
        return offset;
    }
}
