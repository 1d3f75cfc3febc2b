package org.tributary.mp3.internal;

import java.nio.ByteBuffer;

/**
 * Takes a station's audio besides its HTTP listeners (its RTSP path, for one), on the thread that appends it:
 * a tap on the {@link Station}, so every kind of station feeds it alike.
 */
interface StationTap {

    /**
     * Takes audio just appended to the station.
     *
     * @param frames whole MP3 frames back to back, read-only, shared with the listeners; must not block
     */
    void frames(ByteBuffer frames);

    /** The station went off the air; told once, after which no more frames come. */
    void ended();
}
