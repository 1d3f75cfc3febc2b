package org.tributary.source.file.internal.mp4;

import java.util.Arrays;

/**
 * Places samples in chunks from {@code stsc} and {@code stco}/{@code co64}, and checks that every
 * chunk's samples end inside the file, so that reading a sample later can trust its position.
 */
final class ChunkMapper {

    private ChunkMapper() {
    }

    /** @return the complete sample table, with its chunk layout */
    static SampleTable map(Box stbl, int[] sizes, long fileSize, DecodeTimes times, int[] compositionOffsets,
                           int[] syncSamples) throws Mp4FormatException {
        long[] chunkOffsets = chunkOffsets(stbl, fileSize);
        BoxReader stsc = stbl.require("stsc").reader();
        stsc.fullBoxVersion();
        long entries = stsc.u32();
        stsc.requireItems(entries, 12, "entries");
        long[] firstChunk = new long[(int) entries];
        long[] samplesPerChunk = new long[(int) entries];
        for (int e = 0; e < entries; e++) {
            firstChunk[e] = stsc.u32();
            samplesPerChunk[e] = stsc.u32();
            stsc.skip(4);
            if (e == 0 ? firstChunk[e] != 1 : firstChunk[e] <= firstChunk[e - 1]) {
                throw new Mp4FormatException("'stsc' entry " + e + " starts at chunk " + firstChunk[e]
                        + (e == 0 ? " instead of 1" : ", not after the previous entry"));
            }
        }
        int capacity = Math.min(chunkOffsets.length, sizes.length);
        long[] offsets = new long[capacity];
        int[] firstSamples = new int[capacity];
        int used = 0;
        long sample = 0;
        int entry = 0;
        for (int chunk = 0; chunk < chunkOffsets.length && sample < sizes.length && entries > 0; chunk++) {
            while (entry + 1 < entries && firstChunk[entry + 1] <= chunk + 1) {
                entry++;
            }
            long end = Math.min(sizes.length, sample + samplesPerChunk[entry]);
            if (end == sample) {
                continue;
            }
            long position = chunkOffsets[chunk];
            for (long s = sample; s < end; s++) {
                position += sizes[(int) s];
            }
            if (position > fileSize) {
                throw new Mp4FormatException("chunk " + (chunk + 1) + " (samples " + (sample + 1) + " to " + end
                        + ") ends at byte " + position + ", beyond the end of the file at " + fileSize);
            }
            offsets[used] = chunkOffsets[chunk];
            firstSamples[used] = (int) sample;
            used++;
            sample = end;
        }
        if (sample < sizes.length) {
            throw new Mp4FormatException("'stsc' and the chunk offsets place only " + sample + " of "
                    + sizes.length + " samples");
        }
        return new SampleTable(sizes, times, compositionOffsets, syncSamples,
                Arrays.copyOf(offsets, used), Arrays.copyOf(firstSamples, used));
    }

    private static long[] chunkOffsets(Box stbl, long fileSize) throws Mp4FormatException {
        Box stco = stbl.child("stco");
        Box co64 = stco == null ? stbl.child("co64") : null;
        if (stco == null && co64 == null) {
            throw new Mp4FormatException("'stbl' has neither 'stco' nor 'co64'");
        }
        BoxReader in = (stco != null ? stco : co64).reader();
        int width = stco != null ? 4 : 8;
        in.fullBoxVersion();
        long entries = in.u32();
        in.requireItems(entries, width, "chunk offsets");
        long[] offsets = new long[(int) entries];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = width == 4 ? in.u32() : in.u64();
            if (offsets[i] > fileSize) {
                throw new Mp4FormatException("chunk " + (i + 1) + " starts at byte " + offsets[i]
                        + ", beyond the end of the file at " + fileSize);
            }
        }
        return offsets;
    }
}
