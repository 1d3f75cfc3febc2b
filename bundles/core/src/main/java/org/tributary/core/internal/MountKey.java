package org.tributary.core.internal;

import java.util.Locale;
import java.util.Map;

import org.tributary.api.MediaSource;

/**
 * Where a source is mounted: its mount prefix and, for a source that serves only some names, the
 * suffix those names end with ({@code ""} for every name).
 *
 * @param mount  normalized mount, starting and ending with '/'
 * @param suffix lower-case suffix, or {@code ""}
 */
record MountKey(String mount, String suffix) {

    /** @return the key a source registered with these service properties */
    static MountKey of(Map<String, Object> properties) {
        return new MountKey(Mounts.normalize(properties.get(MediaSource.MOUNT)),
                Mounts.normalizeSuffix(properties.get(MediaSource.SUFFIX)));
    }

    /** True when the source at this key serves the path: below the mount and, with a suffix, a name ending with it. */
    boolean serves(String path) {
        if (!Mounts.covers(mount, path)) {
            return false;
        }
        // a suffix alone (such as "/.sdp") names nothing
        return suffix.isEmpty()
                || path.length() - mount.length() > suffix.length() && path.toLowerCase(Locale.ROOT).endsWith(suffix);
    }

    /**
     * True when this key is a better match than {@code other} for a path both serve: the longer
     * mount wins; at the same length a suffix wins over none, and a longer suffix over a shorter one.
     */
    boolean beats(MountKey other) {
        if (mount.length() != other.mount.length()) {
            return mount.length() > other.mount.length();
        }
        return suffix.length() > other.suffix.length();
    }

    /** @return how management lists it: the mount, followed by {@code *SUFFIX} for a suffix source */
    String label() {
        return suffix.isEmpty() ? mount : mount + "*" + suffix;
    }
}
