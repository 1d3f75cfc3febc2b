package org.tributary.mp3.internal;

import org.tributary.api.LiveSource;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.api.MediaPresentation;
import org.tributary.api.MediaSource;

/**
 * A station's own mount at its RTSP path, when that lies outside the live source's mount: it opens the live
 * broadcast the station is published as, so the live fan-out serves its RTSP listeners.
 */
final class StationMount implements MediaSource {

    private final String rtspPath;
    private final LiveSource live;
    private final String livePath;
    private final String broadcast;

    /**
     * @param rtspPath  the path it is mounted at, such as {@code /radio}
     * @param live      the live source the station is published to
     * @param livePath  the station's path below the live mount
     * @param broadcast the broadcast's whole path, such as {@code /live/radio}, for management
     */
    StationMount(String rtspPath, LiveSource live, String livePath, String broadcast) {
        this.rtspPath = rtspPath;
        this.live = live;
        this.livePath = livePath;
        this.broadcast = broadcast;
    }

    @Override
    public String description() {
        return "MP3 station " + rtspPath + " (live broadcast " + broadcast + ")";
    }

    /** Opens the station itself; nothing lies below it. */
    @Override
    public MediaPresentation open(String path) throws MediaException {
        if (path != null && !path.isEmpty()) {
            throw new MediaException(Reason.NOT_FOUND, "nothing below the MP3 station " + rtspPath);
        }
        return live.open(livePath);
    }
}
