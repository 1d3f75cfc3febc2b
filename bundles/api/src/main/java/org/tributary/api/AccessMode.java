package org.tributary.api;

/** What a client wants to do with a path. */
public enum AccessMode {
    /** Watch or listen: DESCRIBE, SETUP and PLAY of a movie or broadcast. */
    READ,
    /** Publish: ANNOUNCE and RECORD of a broadcast, or an MP3 source. */
    WRITE
}
