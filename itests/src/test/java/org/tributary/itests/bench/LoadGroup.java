package org.tributary.itests.bench;

import java.io.IOException;

/**
 * Sessions of one kind that the hot-swap benchmark keeps running (viewers of a movie over UDP, of the live
 * broadcast, MP3 listeners...) and judges step by step.
 */
interface LoadGroup extends AutoCloseable {

    /** Returns the group's name as the report shows it. */
    String name();

    /** Opens sessions until the group has its full count; fails when that keeps failing. */
    void fill() throws IOException;

    /** Starts a step's window: gaps, BYEs and closes are counted from now on. */
    void mark();

    /** Returns what became of the sessions since {@link #mark()}. */
    Tally tally();

    /** Returns whether every session open at {@link #mark()} has ended (BYE or closed by the server). */
    boolean allEnded();

    /** Closes the sessions that ended or lost packets, for {@link #fill()} to replace. */
    void dropFinished();

    /** Returns whether a new client of the group would be served now (a DESCRIBE or a GET answers 200). */
    boolean serves();

    @Override
    void close();
}
