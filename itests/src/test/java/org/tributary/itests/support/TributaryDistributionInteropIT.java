package org.tributary.itests.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
            assertVitals(server);
        }
        assertFalse("the server's java process is still alive after close", java.isAlive());
        assertFalse("the unpacked distribution is still there after close", Files.exists(home));
    }

    /** ServerVitals counts the UDP port pair and the session one SETUP makes, and lets them go at TEARDOWN. */
    private static void assertVitals(TributaryDistribution server) throws Exception {
        try (ServerVitals vitals = new ServerVitals(server)) {
            ServerVitals.Vitals idle = vitals.sample();
            assertEquals(idle.toString(), 0, idle.sessions());
            assertTrue(idle.toString(), idle.heapAfterGcBytes() > 0 && idle.rssBytes() > idle.heapAfterGcBytes());
            assertTrue(idle.toString(), idle.threads() > 10 && idle.fds() > 10);
            String url = server.url("sample.mp4");
            try (RtspTestClient client = RtspTestClient.connect(url)) {
                String track = client.describe(url).tracks().get(0).url();
                assertEquals(200, client.request("SETUP", track, "Transport: RTP/AVP;unicast;client_port=40000-40001").status());
                ServerVitals.Vitals playing = vitals.sample();
                assertEquals(playing.toString(), 1, playing.sessions());
                assertTrue(idle + " then " + playing, playing.udpSockets() >= Math.max(2, idle.udpSockets()));
                assertEquals(200, client.request("TEARDOWN", url).status());
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> vitals.sample().sessions() == 0);
        }
    }
}
