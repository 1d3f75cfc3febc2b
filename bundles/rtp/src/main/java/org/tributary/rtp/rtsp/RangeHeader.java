package org.tributary.rtp.rtsp;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Range header in normal play time (RFC 2326 §12.29, §3.6): {@code npt=5-}, {@code npt=5.1-10},
 * {@code npt=now-}, {@code npt=0:01:02.5-}. A {@code ;time=} suffix is ignored. Times are seconds
 * from the start of the presentation. Formatted with three decimals: {@code npt=5.000-10.000}.
 */
public final class RangeHeader {

    private static final Pattern SECONDS = Pattern.compile("(\\d{1,12})(?:\\.(\\d{0,9}))?");
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,9}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{0,9}))?");
    private static final String NOW = "now";

    private final double start;
    private final double end;

    private RangeHeader(double start, double end) {
        this.start = start;
        this.end = end;
    }

    /** @return {@code npt=now-}: from the live point, for a live stream */
    public static RangeHeader now() {
        return new RangeHeader(Double.NaN, Double.NaN);
    }

    /** @return {@code npt=START-}: from {@code start} seconds to the end */
    public static RangeHeader from(double start) {
        return between(start, Double.NaN);
    }

    /**
     * @param start seconds, at least 0
     * @param end   seconds, at least {@code start}, or NaN for open-ended
     * @return {@code npt=START-END}
     */
    public static RangeHeader between(double start, double end) {
        if (!(start >= 0) || Double.isInfinite(start) || end < start || Double.isInfinite(end)) {
            throw new IllegalArgumentException("bad npt range " + start + "-" + end);
        }
        return new RangeHeader(start, end);
    }

    /**
     * Parses a Range header value.
     *
     * @param value the header value, e.g. {@code npt=5.123-10;time=19970123T143720Z}
     * @return the range
     * @throws UnsupportedRangeUnitException when the unit is not npt, e.g. smpte or clock (501)
     * @throws InvalidRangeException         when a well-formed range cannot be served: the end is before
     *                                       the start, or the start is missing ({@code npt=-10}) (457)
     * @throws MalformedHeaderException      when the value is not an npt range (400)
     */
    public static RangeHeader parse(String value)
            throws MalformedHeaderException, UnsupportedRangeUnitException, InvalidRangeException {
        String range = HeaderSyntax.split(value, ';').get(0);
        int eq = range.indexOf('=');
        if (eq <= 0) {
            throw new MalformedHeaderException("Range \"" + HeaderSyntax.abbreviate(value) + "\" has no unit");
        }
        String unit = range.substring(0, eq).strip();
        if (!unit.equalsIgnoreCase("npt")) {
            throw new UnsupportedRangeUnitException("Range unit \"" + HeaderSyntax.abbreviate(unit)
                    + "\" is not supported, only npt");
        }
        String times = range.substring(eq + 1).strip();
        int dash = times.indexOf('-');
        if (dash < 0 || times.indexOf('-', dash + 1) >= 0) {
            throw new MalformedHeaderException("npt range \"" + HeaderSyntax.abbreviate(times)
                    + "\" is not START-[END]");
        }
        String startText = times.substring(0, dash).strip();
        String endText = times.substring(dash + 1).strip();
        if (startText.isEmpty()) {
            if (endText.isEmpty()) {
                throw new MalformedHeaderException("npt range \"-\" has neither start nor end");
            }
            throw new InvalidRangeException("npt range \"" + HeaderSyntax.abbreviate(times)
                    + "\" without a start time is not supported");
        }
        double start = startText.equalsIgnoreCase(NOW) ? Double.NaN : seconds(startText);
        double end = endText.isEmpty() ? Double.NaN : seconds(endText);
        if (end < start) {
            throw new InvalidRangeException("npt range \"" + HeaderSyntax.abbreviate(times)
                    + "\" ends before it starts");
        }
        return new RangeHeader(start, end);
    }

    /** Reads {@code 12.5} or {@code h:mm:ss.frac}; "now" is handled by the caller. */
    private static double seconds(String text) throws MalformedHeaderException {
        Matcher plain = SECONDS.matcher(text);
        if (plain.matches()) {
            return Double.parseDouble(plain.group(1) + "." + fraction(plain.group(2)));
        }
        Matcher clock = CLOCK.matcher(text);
        if (!clock.matches()) {
            throw new MalformedHeaderException("npt time \"" + HeaderSyntax.abbreviate(text)
                    + "\" is neither seconds nor h:mm:ss");
        }
        long hours = Long.parseLong(clock.group(1));
        int minutes = Integer.parseInt(clock.group(2));
        int secs = Integer.parseInt(clock.group(3));
        if (minutes > 59 || secs > 59) {
            throw new MalformedHeaderException("npt time \"" + text + "\" has minutes or seconds above 59");
        }
        return hours * 3600 + minutes * 60 + Double.parseDouble(secs + "." + fraction(clock.group(4)));
    }

    private static String fraction(String digits) {
        return digits == null || digits.isEmpty() ? "0" : digits;
    }

    /** @return true for {@code npt=now-} */
    public boolean isNow() {
        return Double.isNaN(start);
    }

    /** @return the start in seconds, empty for {@code now} */
    public OptionalDouble start() {
        return isNow() ? OptionalDouble.empty() : OptionalDouble.of(start);
    }

    /** @return the end in seconds, empty when open-ended */
    public OptionalDouble end() {
        return Double.isNaN(end) ? OptionalDouble.empty() : OptionalDouble.of(end);
    }

    /** @return e.g. {@code npt=5.000-10.000}, {@code npt=5.000-} or {@code npt=now-} */
    @Override
    public String toString() {
        return "npt=" + (isNow() ? NOW : format(start)) + "-" + (Double.isNaN(end) ? "" : format(end));
    }

    private static String format(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RangeHeader other
                && Double.compare(start, other.start) == 0 && Double.compare(end, other.end) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(start) * 31 + Double.hashCode(end);
    }
}
