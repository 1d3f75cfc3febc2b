package org.tributary.source.live.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import org.junit.Test;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;

public class BroadcastPathsTest {

    @Test
    public void acceptsOrdinaryNames() throws MediaException {
        for (String path : new String[] {"cam1", "studio/cam-2", "a.b_c", "x".repeat(255)}) {
            assertEquals(path, BroadcastPaths.check(path));
        }
    }

    @Test
    public void refusesEverythingElse() {
        String[] bad = {null, "", "x".repeat(256), "../etc", "a/../b", "a..b", "./a", "a/./b", "/cam", "cam/",
            "a//b", "cam 1", "cam%2e", "cam\n", "cam\u0000", "caméra", "a\\b", "cam?x=1"};
        for (String path : bad) {
            try {
                BroadcastPaths.check(path);
                fail("accepted " + path);
            } catch (MediaException e) {
                assertEquals(Reason.INVALID, e.reason());
            }
        }
    }
}
