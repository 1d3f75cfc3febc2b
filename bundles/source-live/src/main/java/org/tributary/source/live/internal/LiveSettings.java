package org.tributary.source.live.internal;

import java.util.function.IntSupplier;

/**
 * The live source's settings as plain values, so tests need no annotation instance.
 *
 * @param mount                   the mount prefix, such as {@code /live/}, for descriptions and logs
 * @param publisherTimeoutSeconds silence after which a broadcast ends; 0 disables the check
 * @param publisherWaitSeconds    how long viewers wait for a publisher that left or went silent to come
 *                                back (or another to continue with the same media); 0 ends them at once
 * @param allowTakeover           whether a new publisher replaces the current one
 * @param maxSdpBytes             largest accepted announcement, in UTF-8 bytes
 * @param maxTracks               largest accepted number of media lines
 */
record LiveSettings(String mount, int publisherTimeoutSeconds, int publisherWaitSeconds, boolean allowTakeover, int maxSdpBytes,
                    int maxTracks) {

    static final String DEFAULT_MOUNT = "/live/";
    static final int DEFAULT_PUBLISHER_TIMEOUT = 20;
    static final int DEFAULT_MAX_SDP_BYTES = 16384;
    static final int DEFAULT_MAX_TRACKS = 8;

    /** The QTSS-like defaults. */
    static final LiveSettings DEFAULTS = new LiveSettings(DEFAULT_MOUNT, DEFAULT_PUBLISHER_TIMEOUT, 0, false,
            DEFAULT_MAX_SDP_BYTES, DEFAULT_MAX_TRACKS);

    LiveSettings {
        if (mount == null || mount.isBlank()) {
            mount = DEFAULT_MOUNT;
        }
        if (publisherTimeoutSeconds < 0 || publisherWaitSeconds < 0 || maxSdpBytes <= 0 || maxTracks <= 0) {
            throw new IllegalArgumentException("publisherTimeout and publisherWait must be >= 0, maxSdpBytes and "
                    + "maxTracks > 0: " + publisherTimeoutSeconds + ", " + publisherWaitSeconds + ", " + maxSdpBytes
                    + ", " + maxTracks);
        }
    }

    /**
     * @throws IllegalArgumentException naming the key when a value is not a whole number (Declarative Services
     *                                  converts it only when asked) or is out of range
     */
    static LiveSettings of(LiveSourceConfig config) {
        return new LiveSettings(config.tributary_mount(), number("publisherTimeout", config::publisherTimeout),
                number("publisherWait", config::publisherWait), config.allowTakeover(),
                number("maxSdpBytes", config::maxSdpBytes), number("maxTracks", config::maxTracks));
    }

    private static int number(String key, IntSupplier value) {
        try {
            return value.getAsInt();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException(key + " is not a whole number (" + cause.getMessage() + ")", e);
        }
    }
}
