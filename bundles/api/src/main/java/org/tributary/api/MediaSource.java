package org.tributary.api;

/**
 * A provider of presentations under one mount point, registered as an OSGi service with the
 * {@link #MOUNT} property (and optionally {@link #SUFFIX}). The {@link MountRegistry} picks the source
 * whose mount is the longest prefix of a request path.
 */
public interface MediaSource {

    /** Service property: the path prefix this source serves, such as {@code "/"} or {@code "/live/"}. */
    String MOUNT = "tributary.mount";

    /**
     * Service property: when set, the source serves only paths below its mount that end with this
     * suffix, case-insensitively; such a source wins over one without a suffix at a mount of the
     * same or shorter length. An example is {@code ".sdp"} at mount {@code "/"}.
     */
    String SUFFIX = "tributary.suffix";

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
