package org.tributary.source.file.internal.mp4;

import java.util.Arrays;

/**
 * The compact, immutable sample index of one track: sizes, decoding times (as runs), composition
 * offsets, sync samples and chunk positions. A sample's file offset is its chunk's offset plus
 * the sizes of the samples before it in the chunk, so no per-sample offset is stored.
 * Sample numbers are 0-based.
 */
final class SampleTable {

    private final int[] sizes;
    private final DecodeTimes times;
    private final int[] compositionOffsets;
    private final int[] syncSamples;
    private final long[] chunkOffsets;
    private final int[] chunkFirstSamples;
    private final long totalBytes;

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
    }

    int count() {
        return sizes.length;
    }

    int size(int sample) {
        return sizes[sample];
    }

    long decodeTime(int sample) {
        return times.time(sample);
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

    /** @return the last sync sample at or before {@code sample}, or 0 when there is none */
    int syncAtOrBefore(int sample) {
        if (syncSamples == null) {
            return sample;
        }
        int index = SortedSearch.lastAtOrBelow(syncSamples, syncSamples.length, sample);
        return index < 0 ? 0 : syncSamples[index];
    }

    /** @return the last sample decoded at or before {@code time}, or -1 when the first comes later */
    int sampleAt(long time) {
        return times.sampleAt(time);
    }

    /** @return when the last sample ends, in track timescale units */
    long endTime() {
        return times.end();
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
