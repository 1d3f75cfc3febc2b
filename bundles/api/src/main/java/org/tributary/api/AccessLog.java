package org.tributary.api;

import java.util.List;

/**
 * The access log: one line per finished session in the W3C extended format of QTSS, written to its
 * own rolling file and kept in memory for the shell and the console.
 */
public interface AccessLog {

    /** @return the {@code #Fields:} line naming the columns of {@link #recent(int)} */
    String fields();

    /**
     * @param max at most this many lines
     * @return the newest lines, newest first
     */
    List<String> recent(int max);
}
