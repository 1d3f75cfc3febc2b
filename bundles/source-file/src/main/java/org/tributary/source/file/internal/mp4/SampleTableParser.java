package org.tributary.source.file.internal.mp4;

import java.util.Arrays;

/**
 * Builds a {@link SampleTable} from the boxes of an {@code stbl}, checking every count against
 * the box that holds it before allocating, and every sample against the file size.
 */
final class SampleTableParser {

    /** More samples per track than this are refused (about 93 hours of 25 fps video). */
    static final int MAX_SAMPLES = 1 << 23;
    /** A larger single sample is refused, so that reading one cannot exhaust memory. */
    static final int MAX_SAMPLE_BYTES = 32 << 20;

    private SampleTableParser() {
    }

    /**
     * @param stbl     the sample table box
     * @param fileSize size of the file the samples are in
     * @return the table, or null when the track has no samples
     */
    static SampleTable parse(Box stbl, long fileSize) throws Mp4FormatException {
        int[] sizes = sizes(stbl, fileSize);
        if (sizes.length == 0) {
            return null;
        }
        DecodeTimes times = DecodeTimes.parse(stbl.require("stts"), sizes.length);
        int[] compositionOffsets = compositionOffsets(stbl.child("ctts"), sizes.length);
        int[] sync = syncSamples(stbl.child("stss"), sizes.length);
        return ChunkMapper.map(stbl, sizes, fileSize, times, compositionOffsets, sync);
    }

    private static int[] sizes(Box stbl, long fileSize) throws Mp4FormatException {
        Box stsz = stbl.child("stsz");
        if (stsz != null) {
            BoxReader in = stsz.reader();
            in.fullBoxVersion();
            int uniform = in.u32AsInt("sample size");
            int count = count(in);
            if (uniform != 0) {
                checkSampleSize(uniform, 0);
                if ((long) uniform * count > fileSize) {
                    throw new Mp4FormatException("'stsz' declares " + count + " samples of " + uniform
                            + " bytes, more than the file holds");
                }
                int[] sizes = new int[count];
                Arrays.fill(sizes, uniform);
                return sizes;
            }
            in.requireItems(count, 4, "sample sizes");
            int[] sizes = new int[count];
            for (int i = 0; i < count; i++) {
                sizes[i] = checkSampleSize(in.u32AsInt("sample size"), i);
            }
            return sizes;
        }
        Box stz2 = stbl.child("stz2");
        if (stz2 == null) {
            throw new Mp4FormatException("'stbl' has neither 'stsz' nor 'stz2'");
        }
        return compactSizes(stz2);
    }

    private static int[] compactSizes(Box stz2) throws Mp4FormatException {
        BoxReader in = stz2.reader();
        in.fullBoxVersion();
        in.skip(3);
        int fieldSize = in.u8();
        if (fieldSize != 4 && fieldSize != 8 && fieldSize != 16) {
            throw new Mp4FormatException("'stz2' field size " + fieldSize + " is not 4, 8 or 16");
        }
        int count = count(in);
        in.require(((long) count * fieldSize + 7) / 8, count + " sample sizes");
        int[] sizes = new int[count];
        int pair = 0;
        for (int i = 0; i < count; i++) {
            if (fieldSize == 4) {
                // two 4-bit sizes per byte, the first in the high nibble
                pair = (i % 2 == 0) ? in.u8() : pair << 4;
                sizes[i] = (pair >>> 4) & 0x0F;
            } else {
                sizes[i] = fieldSize == 8 ? in.u8() : in.u16();
            }
        }
        return sizes;
    }

    private static int count(BoxReader in) throws Mp4FormatException {
        long count = in.u32();
        if (count > MAX_SAMPLES) {
            throw new Mp4FormatException("'" + in.box() + "' declares " + count + " samples, above the limit of "
                    + MAX_SAMPLES);
        }
        return (int) count;
    }

    private static int checkSampleSize(int size, int sample) throws Mp4FormatException {
        if (size > MAX_SAMPLE_BYTES) {
            throw new Mp4FormatException("sample " + sample + " is " + size + " bytes, above the limit of "
                    + MAX_SAMPLE_BYTES);
        }
        return size;
    }

    /** Reads ctts (version 0 or 1) as signed offsets: writers put negative values in version 0 too. */
    private static int[] compositionOffsets(Box ctts, int count) throws Mp4FormatException {
        if (ctts == null) {
            return null;
        }
        BoxReader in = ctts.reader();
        in.fullBoxVersion();
        long entries = in.u32();
        in.requireItems(entries, 8, "entries");
        int[] offsets = new int[count];
        int sample = 0;
        for (long entry = 0; entry < entries && sample < count; entry++) {
            long run = Math.min(in.u32(), count - sample);
            int offset = in.i32();
            Arrays.fill(offsets, sample, sample + (int) run, offset);
            sample += (int) run;
        }
        return offsets;
    }

    private static int[] syncSamples(Box stss, int count) throws Mp4FormatException {
        if (stss == null) {
            return null;
        }
        BoxReader in = stss.reader();
        in.fullBoxVersion();
        long entries = in.u32();
        in.requireItems(entries, 4, "entries");
        int[] sync = new int[(int) entries];
        for (int i = 0; i < sync.length; i++) {
            long number = in.u32();
            if (number < 1 || number > count) {
                throw new Mp4FormatException("'stss' names sample " + number + " of a track of " + count + " samples");
            }
            sync[i] = (int) number - 1;
        }
        Arrays.sort(sync);
        return sync;
    }
}
