package org.tributary.core.internal;

import java.util.Locale;

/** Mount point spelling: always starts and ends with '/', so prefix tests respect path segments. */
final class Mounts {

    private Mounts() {
    }

    static String normalize(Object mount) {
        String m = mount == null ? "/" : mount.toString().trim();
        if (!m.startsWith("/")) {
            m = "/" + m;
        }
        return m.endsWith("/") ? m : m + "/";
    }

    /** @return the suffix property trimmed and in lower case, {@code ""} when it is absent or blank */
    static String normalizeSuffix(Object suffix) {
        return suffix == null ? "" : suffix.toString().trim().toLowerCase(Locale.ROOT);
    }

    /** True when the mount is a whole-segment prefix of the path ("/live/" covers "/live/a", not "/lively"). */
    static boolean covers(String mount, String path) {
        return path.startsWith(mount) || (path + "/").equals(mount);
    }
}
