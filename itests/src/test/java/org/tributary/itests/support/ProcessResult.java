package org.tributary.itests.support;

import java.util.List;

/**
 * What one external command did: its exit code, its captured output, and whether it was
 * stopped for running past its time-out.
 *
 * @param command the command line that ran
 * @param exitCode the exit code, or -1 when the command was stopped on time-out
 * @param timedOut true when the command did not end within its time-out
 * @param stdout everything written to standard output
 * @param stderr everything written to standard error
 */
public record ProcessResult(List<String> command, int exitCode, boolean timedOut, String stdout, String stderr) {

    /** Output longer than this is cut to its tail in {@link #describe()}, to keep messages readable. */
    private static final int STDERR_TAIL = 6000;
    /** Standard output is mostly data (framecrc listings): its last lines are enough. */
    private static final int STDOUT_TAIL = 1500;

    /** Returns the standard output split into lines. */
    public List<String> stdoutLines() {
        return stdout.lines().toList();
    }

    /** Returns the standard error split into lines. */
    public List<String> stderrLines() {
        return stderr.lines().toList();
    }

    /**
     * Returns a multi-line account of the run (command, exit, the tails of both outputs), made to
     * be attached to an assertion message.
     */
    public String describe() {
        return "\n$ " + String.join(" ", command)
                + "\nexit: " + exitCode + (timedOut ? " (stopped on time-out)" : "")
                + "\n--- stdout ---\n" + tail(stdout, STDOUT_TAIL)
                + "\n--- stderr ---\n" + tail(stderr, STDERR_TAIL)
                + "\n--- end ---";
    }

    private static String tail(String text, int chars) {
        if (text.length() <= chars) {
            return text;
        }
        return "[... " + (text.length() - chars) + " chars cut ...]\n" + text.substring(text.length() - chars);
    }
}
