package org.tributary.api;

/** What a track carries. */
public enum MediaKind {
    /** Pictures. */
    VIDEO,
    /** Sound. */
    AUDIO
}
