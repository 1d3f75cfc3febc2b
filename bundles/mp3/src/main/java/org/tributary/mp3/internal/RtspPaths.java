package org.tributary.mp3.internal;

/**
 * Where a station is heard over RTSP. Its RTSP path is the configured prefix followed by its mount
 * ({@code rtsp://HOST/radio} with no prefix). Its audio goes through the live source's fan-out, published there
 * at the RTSP path itself when that lies below the live source's mount (prefix {@code /live}: {@code /live/radio}),
 * and otherwise at its mount below the live mount ({@code /live/radio} again), with a mount of the station's own
 * at the RTSP path that opens that broadcast.
 *
 * @param prefix    the RTSP prefix: empty, or a path such as {@code /live} without a final '/'
 * @param liveMount the live source's mount, starting and ending with '/'
 */
record RtspPaths(String prefix, String liveMount) {

    /**
     * @param prefix    the configured prefix; surrounding blanks and final slashes are ignored
     * @param liveMount the live source's mount service property, such as {@code /live/} or {@code live}
     * @return the paths
     * @throws IllegalArgumentException naming the prefix when it is not a path
     */
    static RtspPaths of(String prefix, Object liveMount) {
        String clean = prefix == null ? "" : prefix.strip().replaceAll("/+$", "");
        if (!clean.isEmpty() && !Mp3Settings.isMount(clean)) {
            throw new IllegalArgumentException("rtspPrefix '" + prefix + "' is neither empty nor a path such as /live");
        }
        String mount = liveMount == null ? "/" : liveMount.toString().strip();
        mount = (mount.startsWith("/") ? "" : "/") + mount;
        return new RtspPaths(clean, mount.endsWith("/") ? mount : mount + "/");
    }

    /** @return the station's RTSP path, such as {@code /radio} */
    String rtspPath(String stationMount) {
        return prefix + stationMount;
    }

    /** @return whether the RTSP path lies outside the live mount, so the station needs a mount of its own */
    boolean ownMount(String stationMount) {
        return !rtspPath(stationMount).startsWith(liveMount);
    }

    /** @return the path the station is published at, below the live mount, such as {@code radio} */
    String livePath(String stationMount) {
        String rtsp = rtspPath(stationMount);
        return ownMount(stationMount) ? stationMount.substring(1) : rtsp.substring(liveMount.length());
    }
}
