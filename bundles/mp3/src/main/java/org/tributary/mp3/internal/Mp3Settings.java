package org.tributary.mp3.internal;

import java.util.regex.Pattern;

/**
 * The MP3 broadcast settings, checked once.
 *
 * @param sourcePassword         the sources' password, empty when none is set
 * @param adminPassword          the admin's password, empty when none is set
 * @param burstSeconds           seconds of audio a new listener gets at once
 * @param maxListeners           listeners over all stations
 * @param maxListenersPerStation listeners of one station, 0 for no own cap
 * @param maxStations            stations on air at once
 * @param sourceTimeoutSeconds   seconds without data before a source ends
 * @param metaInterval           audio bytes between ICY metadata blocks
 * @param takeover               whether a new source replaces the one feeding a mount
 * @param icyMount               the mount of Shoutcast v1 sources
 * @param ringBytes              bytes of audio kept per station
 * @param refusalDelayMillis     the delay before a wrong password is answered
 */
record Mp3Settings(String sourcePassword, String adminPassword, int burstSeconds, int maxListeners,
                   int maxListenersPerStation, int maxStations, int sourceTimeoutSeconds, int metaInterval,
                   boolean takeover, String icyMount, int ringBytes, int refusalDelayMillis) {

    private static final Pattern MOUNT = Pattern.compile("(/[A-Za-z0-9._~-]+)+");
    private static final int MAX_MOUNT = 128;

    /** The settings with every default. */
    static final Mp3Settings DEFAULTS = new Mp3Settings("", "", 3, 1000, 0, 32, 10, 16000, false, "/stream",
            1024 * 1024, 1000);

    /** @throws IllegalArgumentException naming the first setting out of range */
    static Mp3Settings from(Mp3Config c) {
        if (!isMount(c.icyMount())) {
            throw new IllegalArgumentException("icyMount '" + c.icyMount() + "' is not a mount path such as /stream");
        }
        return new Mp3Settings(nonNull(c.sourcePassword()), nonNull(c.adminPassword()),
                range("burstSeconds", c.burstSeconds(), 0, 30), range("maxListeners", c.maxListeners(), 0, 1_000_000),
                range("maxListenersPerStation", c.maxListenersPerStation(), 0, 1_000_000),
                range("maxStations", c.maxStations(), 1, 10_000),
                range("sourceTimeoutSeconds", c.sourceTimeoutSeconds(), 1, 3600),
                range("metaInterval", c.metaInterval(), 256, 65536), c.takeover(), c.icyMount(),
                range("ringKilobytes", c.ringKilobytes(), 64, 65536) * 1024,
                range("refusalDelayMillis", c.refusalDelayMillis(), 0, 10_000));
    }

    /** @return whether a path can name a station: letters, digits and {@code ._~-} in segments, not too long */
    static boolean isMount(String path) {
        return path != null && path.length() <= MAX_MOUNT && MOUNT.matcher(path).matches()
                && !path.contains("/./") && !path.contains("/../") && !path.endsWith("/.") && !path.endsWith("/..")
                && !path.startsWith("/admin/") && !path.equals(AdminMetadata.SHOUTCAST_PATH)
                && !path.endsWith(".m3u") && !path.endsWith(".pls");
    }

    /**
     * @return whether one more listener may join a station that has {@code stationListeners}, with
     *         {@code totalListeners} over all stations
     */
    boolean admits(int stationListeners, int totalListeners) {
        return totalListeners < maxListeners
                && (maxListenersPerStation == 0 || stationListeners < maxListenersPerStation);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static int range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " " + value + " is outside " + min + ".." + max);
        }
        return value;
    }
}
