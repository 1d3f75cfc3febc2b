package org.tributary.source.live.internal;

import org.tributary.api.MediaSource;

/** How the bundle's components pick among the {@link org.tributary.api.LiveSource} services. */
public final class LiveSources {

    /**
     * Reference target of the live source that takes announced broadcasts: every live source but the
     * SDP-file feeds, which register with a {@link MediaSource#SUFFIX} and refuse to publish.
     */
    public static final String ANNOUNCED = "(!(" + MediaSource.SUFFIX + "=*))";

    private LiveSources() {
    }
}
