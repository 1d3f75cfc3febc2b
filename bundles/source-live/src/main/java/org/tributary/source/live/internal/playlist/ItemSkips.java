package org.tributary.source.live.internal.playlist;

import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of the items a playlist skips: a looping playlist meets the same unplayable item on every
 * round, so each item's reason is logged once, as one line naming the file, and again only when the
 * reason changes or after the item played. Not thread-safe: the playlist's player owns it.
 */
final class ItemSkips {

    private static final Logger LOG = LoggerFactory.getLogger(PlaylistPlayer.class);

    private final String path;
    private final Map<String, String> reasons = new HashMap<>();

    /** @param path the broadcast path, named in each line */
    ItemSkips(String path) {
        this.path = path;
    }

    /**
     * @param item   the item's path
     * @param reason why it is skipped, as one line
     * @return whether this was logged (the item's first skip for this reason)
     */
    boolean skipped(String item, String reason) {
        String text = reason == null ? "" : reason.replaceAll("\\s+", " ").strip();
        if (text.equals(reasons.put(item, text))) {
            LOG.debug("playlist {}: skipping {} again: {}", path, item, text);
            return false;
        }
        LOG.warn("playlist {}: skipping {}: {}", path, item, text);
        return true;
    }

    /** The item played: its next skip is logged again. */
    void played(String item) {
        reasons.remove(item);
    }
}
