package org.tributary.webconsole.internal.model;

import java.util.List;

/** The recent warnings and errors of the server's own loggers, for the console's log page. */
public interface WarningLog {

    /**
     * @param max at most this many lines
     * @return the newest lines, newest first
     */
    List<String> recent(int max);
}
