package org.tributary.itests.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.tributary.itests.interop.AccessAssertions.UNAUTHORIZED;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Basic authentication ({@code authScheme = basic}) with ffmpeg and GStreamer: users of the
 * Tributary users file and Karaf's own JAAS users ({@code etc/users.properties}: karaf/karaf)
 * play {@code /private/}; a wrong password gets 401.
 */
public class BasicAuthInteropIT {

    private static final Login ALICE = new Login("alice", "secret");
    /** The distribution's etc/users.properties user, served by the Karaf JAAS realm. */
    private static final Login KARAF = new Login("karaf", "karaf");
    private static final String PRIVATE = "/private/sample.mp4";

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution()
            .withConfig("org.tributary.rtsp.cfg", Map.of("authScheme", "basic"))
            .withConfig("org.tributary.access.cfg", Map.of(
                    "rules", "/ WRITE group broadcaster; /private/ READ valid-user",
                    "maxFailedLogins", "1000"))
            .withFile("etc/qtusers", QtUsers.text(ALICE));

    @BeforeClass
    public static void privateFolder() throws IOException {
        Tools.require("ffmpeg", "ffprobe");
        AccessAssertions.copySampleInto(SERVER, "private");
    }

    @Test
    public void challengesWithBasicOnly() throws IOException {
        List<String> challenges = AccessAssertions.challenges(SERVER, PRIVATE);
        assertEquals("one challenge: " + challenges, 1, challenges.size());
        assertTrue(challenges.toString(), challenges.get(0).startsWith("Basic realm=\"Streaming Server\""));
    }

    @Test
    public void ffmpegPlaysEveryPacketWithAUsersFileUser() {
        AccessAssertions.assertPlaysEveryPacket(SERVER, PRIVATE, ALICE, "tcp");
    }

    @Test
    public void gstreamerPlaysToEndWithAUsersFileUser() {
        Tools.require("gst-launch-1.0");
        ProcessResult play = Gstreamer.play(SERVER.url(PRIVATE), "tcp", ALICE);
        assertTrue("GStreamer must reach end-of-stream" + play.describe(), Gstreamer.reachedEndOfStream(play));
    }

    @Test
    public void ffmpegPlaysEveryPacketWithAKarafJaasUser() {
        AccessAssertions.assertPlaysEveryPacket(SERVER, PRIVATE, KARAF, "udp");
    }

    @Test
    public void wrongPasswordsGet401() {
        AccessAssertions.assertRefused(SERVER.url(PRIVATE), UNAUTHORIZED);
        AccessAssertions.assertRefused(ALICE.withPassword("wrong").url(SERVER, PRIVATE), UNAUTHORIZED);
        AccessAssertions.assertRefused(KARAF.withPassword("wrong").url(SERVER, PRIVATE), UNAUTHORIZED);
        AccessAssertions.assertNothingStreamed(
                Ffmpeg.playToFramecrc(KARAF.withPassword("wrong").url(SERVER, PRIVATE), "tcp"));
    }
}
