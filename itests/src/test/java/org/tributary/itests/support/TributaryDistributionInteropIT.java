package org.tributary.itests.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/**
 * The launcher against the real distribution: it finds the server's Java process, runs shell
 * commands through bin/client, reads the log, and on close ends the process and removes the
 * unpacked folder.
 */
public class TributaryDistributionInteropIT {

    @Test
    public void startsServesAnswersTheShellAndStopsCleanly() throws Exception {
        ProcessHandle java;
        Path home;
        try (TributaryDistribution server = new TributaryDistribution()) {
            server.start();
            home = server.home();
            java = ProcessHandle.of(server.pid()).orElseThrow();
            assertTrue("pid " + java.pid() + " is not a java process: " + java.info(),
                    java.info().command().orElse("").endsWith("java"));
            assertTrue("the configured RTSP port is not in etc/org.tributary.rtsp.cfg",
                    Files.readString(home.resolve("etc/org.tributary.rtsp.cfg"))
                            .contains("ports = " + server.rtspPort()));
            ProcessResult bundles = server.client("bundle:list -s");
            assertEquals("bin/client exit code" + bundles.describe(), 0, bundles.exitCode());
            assertTrue("bundle:list shows no tributary bundle" + bundles.describe(),
                    bundles.stdout().contains("tributary-rtsp"));
            assertTrue("karaf.log is empty", server.logText().contains("tributary"));
        }
        assertFalse("the server's java process is still alive after close", java.isAlive());
        assertFalse("the unpacked distribution is still there after close", Files.exists(home));
    }
}
