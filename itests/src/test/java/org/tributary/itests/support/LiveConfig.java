package org.tributary.itests.support;

import static org.junit.Assert.assertEquals;

/**
 * Changes a configuration of a running server through Configuration Admin ({@code config:property-set}
 * in the shell), the way an operator does live. Unlike two quick edits of the same {@code etc/*.cfg}
 * file, two changes made this way cannot be undone by File Install writing the first change back over
 * the second while it is still handling the first one's event.
 */
public final class LiveConfig {

    private LiveConfig() {
    }

    /** Sets {@code key} of {@code pid} to {@code value} and fails the test if the shell refuses. */
    public static void set(TributaryDistribution server, String pid, String key, String value) {
        ProcessResult set = server.client("config:property-set -p " + pid + " " + key + " \"" + value + "\"");
        assertEquals("config:property-set " + pid + " " + key + set.describe(), 0, set.exitCode());
    }
}
