package org.tributary.source.live.internal.playlist;

import java.util.Locale;

/** The order in which a playlist plays its items, as QTSS PlaylistBroadcaster offered. */
enum PlaylistMode {
    /** Each item once, in order; the broadcast ends after the last. */
    SEQUENTIAL,
    /** In order, starting again after the last, until stopped. */
    LOOP,
    /** Each next item drawn at random, in proportion to the items' weights, until stopped. */
    WEIGHTED_RANDOM;

    /**
     * @param value {@code sequential}, {@code loop} or {@code weighted-random} (case and {@code -}/{@code _} ignored)
     * @return the mode
     * @throws IllegalArgumentException naming the value when it is none of them
     */
    static PlaylistMode parse(String value) {
        String name = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (PlaylistMode mode : values()) {
            if (mode.name().equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("playlist mode '" + value + "' is not sequential, loop or weighted-random");
    }
}
