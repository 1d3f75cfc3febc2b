package org.tributary.itests.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.tributary.itests.interop.AccessAssertions.UNAUTHORIZED;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Digest authentication (the default scheme) with ffmpeg and GStreamer against the real
 * distribution: {@code /private/} needs a valid user of {@code etc/qtusers}, a {@code qtaccess}
 * file narrows {@code /team/} to bob, and the users file is edited while the server runs, as an
 * administrator would. Before every test the users file is made to hold alice and bob (written
 * while the server runs), and the test waits until alice is accepted.
 */
public class DigestAuthInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution()
            .withConfig("org.tributary.access.cfg", Map.of(
                    "rules", "/ WRITE group broadcaster; /private/ READ valid-user",
                    // GStreamer's retries of a wrong password must not block 127.0.0.1 here
                    "maxFailedLogins", "1000"));

    private static final String PRIVATE = "/private/sample.mp4";
    private static final String TEAM = "/team/sample.mp4";
    private static final Login ALICE = new Login("alice", "secret");
    private static final Login BOB = new Login("bob", "builder");

    @BeforeClass
    public static void protectedFolders() throws IOException {
        Tools.require("ffmpeg", "ffprobe");
        AccessAssertions.copySampleInto(SERVER, "private");
        // the qtaccess file exists before the movie, so the movie is never public
        Path team = Files.createDirectories(SERVER.mediaDir().resolve("team"));
        Files.writeString(team.resolve("qtaccess"), "AuthName \"Team\"\nrequire user bob\n", StandardCharsets.UTF_8);
        AccessAssertions.copySampleInto(SERVER, "team");
    }

    @Before
    public void usersFileHoldsAliceAndBob() throws IOException {
        if (QtUsers.write(usersFile(), ALICE, BOB)) {
            AccessAssertions.awaitProbe("alice, added to etc/qtusers, gets the private movie",
                    ALICE.url(SERVER, PRIVATE), AccessAssertions::gotStreams);
        }
    }

    @Test
    public void challengesWithDigestSha256AndMd5Only() throws IOException {
        List<String> challenges = AccessAssertions.challenges(SERVER, PRIVATE);
        assertEquals("two challenges (SHA-256, MD5): " + challenges, 2, challenges.size());
        for (String challenge : challenges) {
            assertTrue(challenge, challenge.startsWith("Digest realm=\"Streaming Server\""));
            assertTrue(challenge, challenge.contains("qop=\"auth\"") && challenge.contains("nonce=\""));
        }
        assertTrue(challenges.toString(), challenges.get(0).contains("algorithm=SHA-256"));
        assertTrue(challenges.toString(), challenges.get(1).contains("algorithm=MD5"));
    }

    @Test
    public void withoutCredentialsFfprobeGets401AndFfmpegReceivesNothing() {
        AccessAssertions.assertRefused(SERVER.url(PRIVATE), UNAUTHORIZED);
        AccessAssertions.assertNothingStreamed(Ffmpeg.playToFramecrc(SERVER.url(PRIVATE), "tcp"));
    }

    @Test
    public void validUserPlaysEveryPacketOverUdpAndTcpAtOnce() throws InterruptedException {
        // two sessions of one user at the same time; it also keeps this class near a minute
        CompletableFuture<Void> udp = CompletableFuture.runAsync(
                () -> AccessAssertions.assertPlaysEveryPacket(SERVER, PRIVATE, ALICE, "udp"));
        AccessAssertions.assertPlaysEveryPacket(SERVER, PRIVATE, ALICE, "tcp");
        try {
            udp.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof AssertionError failed ? failed : new AssertionError("UDP play", e.getCause());
        }
    }

    @Test
    public void wrongPasswordGets401AndIsLogged() {
        int mark = AccessAssertions.logMark(SERVER);
        AccessAssertions.assertRefused(ALICE.withPassword("wrong").url(SERVER, PRIVATE), UNAUTHORIZED);
        AccessAssertions.assertNothingStreamed(
                Ffmpeg.playToFramecrc(ALICE.withPassword("wrong").url(SERVER, PRIVATE), "udp"));
        AccessAssertions.awaitLogLine(SERVER, mark, "Failed login for 'alice' from 127.0.0.1");
    }

    @Test
    public void gstreamerPlaysToEndWithTheRightPassword() {
        Tools.require("gst-launch-1.0");
        ProcessResult play = Gstreamer.play(SERVER.url(PRIVATE), "tcp", ALICE);
        assertTrue("GStreamer must reach end-of-stream" + play.describe(), Gstreamer.reachedEndOfStream(play));
    }

    @Test
    public void gstreamerIsRefusedWithAWrongPassword() {
        Tools.require("gst-launch-1.0");
        ProcessResult play = Gstreamer.play(SERVER.url(PRIVATE), "tcp", ALICE.withPassword("wrong"));
        assertNotEquals("gst-launch must fail" + play.describe(), 0, play.exitCode());
        assertTrue("GStreamer must report Unauthorized" + play.describe(),
                play.stdout().contains("Unauthorized") || play.stderr().contains("Unauthorized"));
        assertFalse("GStreamer must not reach end-of-stream" + play.describe(),
                play.stdout().contains("Got EOS from element"));
    }

    @Test
    public void publicMovieStillPlaysWithoutCredentials() {
        AccessAssertions.assertGetsStreams(SERVER.url("/sample.mp4"));
    }

    @Test
    public void qtaccessFileAdmitsOnlyTheUserItNames() {
        AccessAssertions.assertRefused(SERVER.url(TEAM), UNAUTHORIZED);
        AccessAssertions.assertRefused(ALICE.url(SERVER, TEAM), UNAUTHORIZED);
        AccessAssertions.assertGetsStreams(BOB.url(SERVER, TEAM));
    }

    @Test
    public void userRemovedFromTheUsersFileWhileRunningIsRefused() throws IOException {
        QtUsers.write(usersFile(), BOB);
        AccessAssertions.awaitProbe("alice, removed from etc/qtusers, is refused with 401",
                ALICE.url(SERVER, PRIVATE), probe -> AccessAssertions.refusedWith(probe, UNAUTHORIZED));
        AccessAssertions.assertGetsStreams(BOB.url(SERVER, PRIVATE));
    }

    private static Path usersFile() {
        return SERVER.home().resolve("etc/qtusers");
    }
}
