package org.tributary.api;

/**
 * A provider of presentations under one mount point, registered as an OSGi service with the
 * {@link #MOUNT} property. The {@link MountRegistry} picks the source whose mount is the longest
 * prefix of a request path.
 */
public interface MediaSource {

    /** Service property: the path prefix this source serves, such as {@code "/"} or {@code "/live/"}. */
    String MOUNT = "tributary.mount";

    /** @return a short human-readable description, such as {@code "files in /opt/tributary/media"} */
    String description();

    /**
     * Resolves a path below the mount.
     *
     * @param path the request path with the mount prefix removed, never starting with '/'; untrusted
     * @return the presentation
     * @throws MediaException NOT_FOUND when nothing is there, UNSUPPORTED or CORRUPT when it cannot be played
     */
    MediaPresentation open(String path) throws MediaException;
}
