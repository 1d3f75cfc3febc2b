package org.tributary.source.file.internal.mp4;

/**
 * A track's decoding times, kept as the runs of equal durations the {@code stts} box stores
 * (usually one run for constant frame rate) rather than one value per sample.
 */
final class DecodeTimes {

    private final int sampleCount;
    private final int runs;
    private final int[] firstSample;
    private final long[] firstTime;
    private final int[] delta;

    private DecodeTimes(int sampleCount, int runs, int[] firstSample, long[] firstTime, int[] delta) {
        this.sampleCount = sampleCount;
        this.runs = runs;
        this.firstSample = firstSample;
        this.firstTime = firstTime;
        this.delta = delta;
    }

    /**
     * @param sampleCount the number of samples, at least 1
     * @param duration    the duration of every sample
     * @return times for samples of one constant duration, such as the frames of an MP3 file
     */
    static DecodeTimes constant(int sampleCount, int duration) {
        return new DecodeTimes(sampleCount, 1, new int[] {0}, new long[] {0}, new int[] {duration});
    }

    /**
     * @param stts        the time-to-sample box
     * @param sampleCount the number of samples of the track (from stsz), at least 1
     * @throws Mp4FormatException when the box does not cover every sample
     */
    static DecodeTimes parse(Box stts, int sampleCount) throws Mp4FormatException {
        BoxReader in = stts.reader();
        in.fullBoxVersion();
        long entries = in.u32();
        in.requireItems(entries, 8, "entries");
        int capacity = (int) Math.min(entries, sampleCount);
        int[] firstSample = new int[capacity];
        long[] firstTime = new long[capacity];
        int[] delta = new int[capacity];
        int runs = 0;
        long covered = 0;
        long time = 0;
        for (long entry = 0; entry < entries && covered < sampleCount; entry++) {
            long count = in.u32();
            int duration = in.u32AsInt("sample duration");
            if (count == 0) {
                continue;
            }
            long taken = Math.min(count, sampleCount - covered);
            firstSample[runs] = (int) covered;
            firstTime[runs] = time;
            delta[runs] = duration;
            runs++;
            covered += taken;
            time += taken * duration;
        }
        if (covered < sampleCount) {
            throw new Mp4FormatException("'stts' gives times for " + covered + " of " + sampleCount + " samples");
        }
        return new DecodeTimes(sampleCount, runs, firstSample, firstTime, delta);
    }

    /** @return the decoding time of a sample, in track timescale units */
    long time(int sample) {
        int run = SortedSearch.lastAtOrBelow(firstSample, runs, sample);
        return firstTime[run] + (long) (sample - firstSample[run]) * delta[run];
    }

    /** @return the duration of a sample, in track timescale units */
    int duration(int sample) {
        return delta[SortedSearch.lastAtOrBelow(firstSample, runs, sample)];
    }

    /** @return the last sample whose decoding time is at or before {@code time}, or -1 when none is */
    int sampleAt(long time) {
        int run = SortedSearch.lastAtOrBelow(firstTime, runs, time);
        if (run < 0) {
            return -1;
        }
        int runLength = (run + 1 < runs ? firstSample[run + 1] : sampleCount) - firstSample[run];
        long step = delta[run] == 0 ? runLength - 1 : (time - firstTime[run]) / delta[run];
        return firstSample[run] + (int) Math.min(runLength - 1, step);
    }

    /** @return the time at which the last sample ends */
    long end() {
        return time(sampleCount - 1) + duration(sampleCount - 1);
    }
}
