package org.tributary.source.live.internal.playlist;

import java.util.List;
import java.util.Random;

/**
 * Decides which item plays next. The next item is chosen one step ahead, so the shell can show it
 * before it starts. Not thread-safe: the playlist's player owns it.
 */
final class Playlist {

    private static final int NONE = -1;

    private final List<PlaylistEntry> entries;
    private final PlaylistMode mode;
    private final Random random;
    private final int totalWeight;
    private int upcoming;

    /**
     * @param entries the items, not empty
     * @param mode    the order
     * @param random  draws the weighted-random order; seeded in tests
     */
    Playlist(List<PlaylistEntry> entries, PlaylistMode mode, Random random) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("playlist has no items");
        }
        this.entries = List.copyOf(entries);
        this.mode = mode;
        this.random = random;
        this.totalWeight = entries.stream().mapToInt(PlaylistEntry::weight).sum();
        this.upcoming = mode == PlaylistMode.WEIGHTED_RANDOM ? draw() : 0;
    }

    /** @return the number of configured items */
    int size() {
        return entries.size();
    }

    /** @return the path {@link #next()} returns next, without moving on; null when a sequential list is done */
    String peek() {
        return upcoming == NONE ? null : entries.get(upcoming).path();
    }

    /** @return the path of the next item to play, or null when a sequential list is done */
    String next() {
        if (upcoming == NONE) {
            return null;
        }
        int current = upcoming;
        upcoming = switch (mode) {
            case SEQUENTIAL -> current + 1 < entries.size() ? current + 1 : NONE;
            case LOOP -> (current + 1) % entries.size();
            case WEIGHTED_RANDOM -> draw();
        };
        return entries.get(current).path();
    }

    private int draw() {
        int ticket = random.nextInt(totalWeight);
        for (int i = 0; i < entries.size(); i++) {
            ticket -= entries.get(i).weight();
            if (ticket < 0) {
                return i;
            }
        }
        throw new IllegalStateException("weights changed under the draw");
    }
}
