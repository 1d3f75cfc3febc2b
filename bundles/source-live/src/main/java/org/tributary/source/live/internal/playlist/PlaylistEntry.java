package org.tributary.source.live.internal.playlist;

import java.util.ArrayList;
import java.util.List;

/**
 * One configured item of a playlist.
 *
 * @param path   the movie's absolute request path, such as {@code /sample.mp4}
 * @param weight its relative chance in weighted-random mode, 1 to {@link #MAX_WEIGHT}
 */
record PlaylistEntry(String path, int weight) {

    /** Largest accepted weight: enough for any ratio, far from overflowing a sum of many items. */
    static final int MAX_WEIGHT = 10_000;
    /** Longest accepted item path, in characters. */
    static final int MAX_PATH = 1024;
    /** Most items in one playlist. */
    static final int MAX_ITEMS = 10_000;

    /**
     * Reads the configured items: each value may hold several items separated by {@code ;}, each
     * item may end with {@code *WEIGHT}; blanks are ignored, a missing leading {@code /} is added.
     *
     * @param values the configuration values; null for none
     * @return the items in order
     * @throws IllegalArgumentException naming the bad item when a weight or path is unusable, or when there is no item
     */
    static List<PlaylistEntry> parseAll(String[] values) {
        List<PlaylistEntry> entries = new ArrayList<>();
        for (String value : values == null ? new String[0] : values) {
            for (String item : value == null ? new String[0] : value.split(";")) {
                if (!item.isBlank()) {
                    entries.add(parse(item.strip()));
                }
                if (entries.size() > MAX_ITEMS) {
                    throw new IllegalArgumentException("playlist has more than " + MAX_ITEMS + " items");
                }
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("playlist has no items");
        }
        return List.copyOf(entries);
    }

    private static PlaylistEntry parse(String item) {
        String path = item;
        int weight = 1;
        int star = item.lastIndexOf('*');
        if (star >= 0) {
            path = item.substring(0, star).strip();
            String digits = item.substring(star + 1).strip();
            if (!digits.matches("\\d{1,5}") || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > MAX_WEIGHT) {
                throw new IllegalArgumentException("playlist item '" + item + "': weight after '*' must be 1 to "
                        + MAX_WEIGHT);
            }
            weight = Integer.parseInt(digits);
        }
        if (path.isEmpty() || path.length() > MAX_PATH || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("playlist item '" + item + "': path is empty, longer than "
                    + MAX_PATH + " characters or holds control characters");
        }
        return new PlaylistEntry(path.startsWith("/") ? path : "/" + path, weight);
    }
}
