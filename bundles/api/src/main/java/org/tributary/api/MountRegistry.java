package org.tributary.api;

import java.util.Map;

/** Resolves request paths to the {@link MediaSource} mounted at their longest matching prefix. */
public interface MountRegistry {

    /**
     * Opens the presentation at an absolute request path.
     *
     * @param path decoded request path starting with '/'; untrusted
     * @return the presentation
     * @throws MediaException NOT_FOUND when no source is mounted there or the source has nothing there
     */
    MediaPresentation open(String path) throws MediaException;

    /**
     * Starts a broadcast at an absolute request path, with the {@link LiveSource} mounted there.
     *
     * @param path      decoded request path starting with '/'; untrusted
     * @param sdp       the announced session description; untrusted
     * @param publisher the publisher's address as {@code host:port}
     * @return the publication to feed
     * @throws MediaException NOT_FOUND when no live source is mounted there, BUSY or INVALID from the source
     */
    Publication publish(String path, String sdp, String publisher) throws MediaException;

    /** @return every mount point with the description of its source */
    Map<String, String> mounts();
}
