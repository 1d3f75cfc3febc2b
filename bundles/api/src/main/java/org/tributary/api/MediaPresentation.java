package org.tributary.api;

import java.util.List;

/** A playable thing (a movie, a broadcast) that a {@link MediaSource} resolved from a path. */
public interface MediaPresentation {

    /** @return the path it was opened with, relative to its mount */
    String path();

    /**
     * @return its tracks in a stable order; never empty, except for a {@link LivePresentation}, whose
     *         tracks are described by {@link LivePresentation#mediaDescription()} and may be empty here
     */
    List<TrackInfo> tracks();

    /** @return its length in seconds, or {@link Double#NaN} for a live presentation */
    double duration();

    /**
     * @return the bits per second a viewer receives, as far as known (for admission against a
     *         server's throughput limit); 0 when unknown. By default the sum of the tracks' bit rates.
     */
    default long bitrate() {
        return tracks().stream().mapToLong(TrackInfo::bitrate).sum();
    }

    /**
     * Opens an independent cursor positioned at the start.
     *
     * @return a reader the caller must close
     * @throws MediaException when the media cannot be read any more
     */
    MediaReader openReader() throws MediaException;
}
