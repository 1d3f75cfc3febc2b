package org.tributary.source.file.internal.mp4;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a track's edit list ({@code edts/elst}) does to its timeline, in the forms writers produce:
 * leading empty edits (media time -1) that delay the track, then one edit that starts playing the
 * media at time M at rate 1. ffmpeg and x264 write M for the B-frame reordering delay of video and
 * for the encoder priming of AAC, MP3 or Opus; players that ignore it drift audio from video.
 * The track is presented at {@code media time + timeShift}: the first presented instant of the
 * edit lands on the delay of the empty edits, so samples before M get negative times.
 * Later edits and rates other than 1 are not played as such: the first edit's offset is kept.
 *
 * @param timeShift       what to add to every media time, in track timescale units
 * @param durationSeconds the length the edits give the track, or NaN when they give none
 */
record EditList(long timeShift, double durationSeconds) {

    /** The timeline of a track without an edit list: the media as it is. */
    static final EditList NONE = new EditList(0, Double.NaN);

    /** Edit lists with more entries are refused; real ones hold a handful. */
    static final int MAX_EDITS = 10_000;
    /** Empty edits delaying a track by more than this (seconds) are refused as damage. */
    static final long MAX_DELAY_SECONDS = 7 * 24 * 3600;

    private static final Logger LOG = LoggerFactory.getLogger(EditList.class);
    private static final int EMPTY = -1;
    private static final int RATE_ONE = 0x0001_0000;

    /**
     * @param mediaSeconds the length of the media, for tracks whose edits give none
     * @param timescale    the track timescale
     * @return the length of the track as presented
     */
    double presentedSeconds(double mediaSeconds, long timescale) {
        return Double.isNaN(durationSeconds) ? Math.max(0, mediaSeconds + timeShift / (double) timescale)
                : durationSeconds;
    }

    /**
     * @param edts           the track's edit box, or null when it has none
     * @param movieTimescale the {@code mvhd} timescale edit durations are counted in; 0 when unknown
     * @param timescale      the track's media timescale, positive
     * @param mediaEnd       when the track's last sample ends, in media time
     * @param trackId        the track, for log lines
     * @throws Mp4FormatException when the edit list is damaged
     */
    static EditList parse(Box edts, long movieTimescale, long timescale, long mediaEnd, int trackId)
            throws Mp4FormatException {
        Box elst = edts == null ? null : edts.child("elst");
        if (elst == null) {
            return NONE;
        }
        BoxReader in = elst.reader();
        int version = in.fullBoxVersion();
        if (version > 1) {
            throw new Mp4FormatException("'elst' version " + version + " is not 0 or 1");
        }
        long count = in.u32();
        if (count > MAX_EDITS) {
            throw new Mp4FormatException("'elst' declares " + count + " edits, above the limit of " + MAX_EDITS);
        }
        in.requireItems(count, version == 1 ? 20 : 12, "edits");
        if (count == 0) {
            return NONE;
        }
        if (movieTimescale == 0) {
            throw new Mp4FormatException("'elst' counts in the movie timescale, but 'moov' has no 'mvhd' or its"
                    + " timescale is 0");
        }
        long delay = 0;
        long total = 0;
        long start = -1;
        boolean ignored = false;
        for (int edit = 1; edit <= count; edit++) {
            long duration = version == 1 ? in.u64() : in.u32();
            long mediaTime = version == 1 ? in.i64() : in.i32();
            int rate = in.i32();
            total = addDuration(total, duration);
            if (mediaTime < EMPTY) {
                throw new Mp4FormatException("'elst' edit " + edit + " starts at media time " + mediaTime);
            } else if (start >= 0) {
                ignored = true;
            } else if (mediaTime == EMPTY) {
                delay = addDuration(delay, duration);
            } else {
                start = mediaTime;
                if (rate != RATE_ONE) {
                    LOG.debug("Track {}: edit at rate {} played at rate 1", trackId, rate / 65536.0);
                }
            }
        }
        if (ignored) {
            LOG.debug("Track {}: only the first of {} edits is applied; the media plays on from there", trackId,
                    count);
        }
        if (start < 0) {
            LOG.debug("Track {}: its edit list holds only empty edits; the media plays after them", trackId);
        }
        if (start > mediaEnd) {
            throw new Mp4FormatException("'elst' starts the track at media time " + start
                    + ", after its media ends at " + mediaEnd);
        }
        long shift = delayTicks(delay, movieTimescale, timescale) - Math.max(0, start);
        return new EditList(shift, total == 0 ? Double.NaN : total / (double) movieTimescale);
    }

    private static long addDuration(long sum, long duration) throws Mp4FormatException {
        try {
            return Math.addExact(sum, duration);
        } catch (ArithmeticException e) {
            throw new Mp4FormatException("'elst' edit durations add up beyond 2^63");
        }
    }

    /** Converts the empty edits' total to track units, rounding to the nearest as ffmpeg does. */
    private static long delayTicks(long delay, long movieTimescale, long timescale) throws Mp4FormatException {
        long seconds = delay / movieTimescale;
        if (seconds > MAX_DELAY_SECONDS) {
            throw new Mp4FormatException("'elst' empty edits delay the track by " + seconds
                    + " s, above the limit of " + MAX_DELAY_SECONDS + " s");
        }
        // whole seconds and remainder apart: remainder * timescale < 2^32 * 2^31 cannot overflow
        long remainder = delay % movieTimescale;
        return seconds * timescale + (remainder * timescale + movieTimescale / 2) / movieTimescale;
    }
}
