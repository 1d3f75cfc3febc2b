package org.tributary.source.file.internal.mp4;

/**
 * The timescale and duration that open both the movie header ({@code mvhd}) and a media header
 * ({@code mdhd}): after the version and flags, creation and modification times (32 bits each in
 * version 0, 64 in version 1), a 32-bit timescale and a duration of the same width as the times.
 *
 * @param timescale units per second, as stored (0 when the file says 0)
 * @param duration  length in timescale units, or 0 when the file does not know it (all bits set)
 */
record TimeHeader(long timescale, long duration) {

    /** @param header an {@code mvhd} or {@code mdhd} box */
    static TimeHeader parse(Box header) throws Mp4FormatException {
        BoxReader in = header.reader();
        boolean wide = in.fullBoxVersion() == 1;
        in.skip(wide ? 16 : 8);
        long timescale = in.u32();
        long duration = wide ? in.i64() : in.u32();
        // all bits set is how writers say "unknown"; so is 0
        boolean unknown = wide ? duration < 0 : duration == 0xFFFF_FFFFL;
        return new TimeHeader(timescale, unknown ? 0 : duration);
    }
}
