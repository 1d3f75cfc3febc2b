package org.tributary.itests.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * A crash and a restart, as the systemd unit ({@code etc/tributary.service}, {@code Restart=on-failure}) does
 * it: the server's JVM is killed with SIGKILL and {@code bin/karaf server} started again in the same folder on
 * the same ports. Sessions do not survive the JVM; players resume by setting up a new session (a new DESCRIBE,
 * SETUP and PLAY), which plays.
 */
public class ServiceRestartInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution();

    @BeforeClass
    public static void tools() {
        Tools.require("ffprobe");
    }

    @Test
    public void afterAKilledJvmAndARestartANewSessionPlays() throws IOException {
        assertTrue("plays before the crash", AccessAssertions.gotStreams(probe()));
        long crashed = SERVER.pid();
        Instant killed = Instant.now();
        SERVER.killAndRestart();
        Duration back = Duration.between(killed, Instant.now());
        assertNotEquals("a new JVM serves", crashed, SERVER.pid());
        ProcessResult again = probe();
        assertTrue("a new session plays after the restart (back in " + back.toMillis() + " ms)" + again.describe()
                + SERVER.recentLog(), AccessAssertions.gotStreams(again));
        assertEquals("the restarted server logs its start again", 2,
                SERVER.logText().lines().filter(line -> line.contains("The shipped administrator karaf")).count());
    }

    private static ProcessResult probe() {
        return Ffmpeg.probeStreams(SERVER.url("sample.mp4"), "udp");
    }
}
