package org.tributary.api;

/**
 * A presentation that is happening now: viewers subscribe to its packets instead of reading it.
 * {@link #openReader()} is not used for it; {@link #duration()} is NaN.
 */
public interface LivePresentation extends MediaPresentation {

    /**
     * @return the media part of the broadcast's SDP (from the first {@code m=} line on), with each
     *         track's {@code a=control} set to {@code trackID=N} (N = track index + 1)
     */
    String mediaDescription();

    /** @return the number of tracks */
    int trackCount();

    /**
     * Starts delivering packets to a viewer; video tracks start at their next key frame.
     *
     * @param viewer receives packets on the publisher's thread; it must not block
     * @return the subscription to cancel
     */
    LiveSubscription subscribe(LiveViewer viewer);
}
