package org.tributary.auth.internal.qtaccess;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.Set;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.tributary.api.AccessDecision;
import org.tributary.api.AccessDecision.Verdict;
import org.tributary.api.AccessMode;
import org.tributary.api.AccessRequest;
import org.tributary.api.UserPrincipal;

/** The qtaccess policy on a real media folder: nearest file, Limit sections, broken files, escapes. */
public class QtAccessPolicyTest {

    private static final UserPrincipal ALICE = new UserPrincipal("alice", "r", Set.of("staff"));
    private static final UserPrincipal BOB = new UserPrincipal("bob", "r", Set.of("broadcaster"));

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path media;
    private Path outside;
    private final QtAccessPolicy policy = new QtAccessPolicy();

    @Before
    public void createMediaFolder() throws Exception {
        media = temp.newFolder("media").toPath();
        outside = temp.newFolder("outside").toPath();
        Files.createDirectories(media.resolve("a/b/c"));
        Files.createDirectories(media.resolve("open"));
        Files.writeString(media.resolve("qtaccess"), "<Limit WRITE>\nrequire group broadcaster\n</Limit>\n");
        Files.writeString(media.resolve("a/qtaccess"), "AuthName \"Staff only\"\nrequire group staff\n");
        Files.writeString(media.resolve("a/b/qtaccess"), "require user bob\n");
        policy.open(media.toString(), "");
    }

    private AccessDecision decide(UserPrincipal user, String path, AccessMode mode) throws Exception {
        return policy.decide(new AccessRequest(Optional.ofNullable(user), InetAddress.getByName("127.0.0.1"), path,
                mode));
    }

    @Test
    public void theNearestFileDecidesAlone() throws Exception {
        Object[][] table = {
            {null, "/movie.mp4", AccessMode.READ, Verdict.ALLOW},
            {null, "/movie.mp4", AccessMode.WRITE, Verdict.CHALLENGE},
            {BOB, "/live/x", AccessMode.WRITE, Verdict.ALLOW},
            {ALICE, "/live/x", AccessMode.WRITE, Verdict.CHALLENGE},
            {null, "/open/movie.mp4", AccessMode.READ, Verdict.ALLOW},
            {null, "/a/movie.mp4", AccessMode.READ, Verdict.CHALLENGE},
            {ALICE, "/a/movie.mp4", AccessMode.READ, Verdict.ALLOW},
            {BOB, "/a/movie.mp4", AccessMode.READ, Verdict.CHALLENGE},
            {ALICE, "/a/movie.mp4", AccessMode.WRITE, Verdict.ALLOW}, // a/qtaccess wins: nothing for WRITE
            {ALICE, "/a/b/movie.mp4", AccessMode.READ, Verdict.CHALLENGE}, // a/b/qtaccess wins over a/qtaccess
            {BOB, "/a/b/movie.mp4", AccessMode.READ, Verdict.ALLOW},
            {BOB, "/a/b/c/d/movie.mp4", AccessMode.READ, Verdict.ALLOW},
            {ALICE, "/a/b", AccessMode.READ, Verdict.ALLOW}, // "b" is the file name here: a/qtaccess applies
            {ALICE, "/a/b/", AccessMode.READ, Verdict.CHALLENGE}, // a folder: a/b/qtaccess applies
            {ALICE, "//a//b//movie.mp4", AccessMode.READ, Verdict.CHALLENGE},
        };
        for (Object[] row : table) {
            UserPrincipal user = (UserPrincipal) row[0];
            assertEquals(row[1] + " " + row[2] + " as " + (user == null ? "nobody" : user.name()), row[3],
                    decide(user, (String) row[1], (AccessMode) row[2]).verdict());
        }
        String reason = decide(null, "/a/movie.mp4", AccessMode.READ).reason();
        assertTrue(reason, reason.contains("a/qtaccess") && reason.contains("Staff only"));
    }

    @Test
    public void aBrokenFileDeniesEverythingBelowIt() throws Exception {
        Files.writeString(media.resolve("a/b/qtaccess"), "require user bob\nAllow from all\n");
        AccessDecision decision = decide(BOB, "/a/b/movie.mp4", AccessMode.READ);
        assertEquals(Verdict.DENY, decision.verdict());
        assertEquals("broken qtaccess at a/b/qtaccess line 2: unknown directive 'Allow'", decision.reason());
        assertEquals(Verdict.ALLOW, decide(ALICE, "/a/movie.mp4", AccessMode.READ).verdict());
    }

    @Test
    public void anEditAppliesAtOnce() throws Exception {
        assertEquals(Verdict.CHALLENGE, decide(ALICE, "/a/b/movie.mp4", AccessMode.READ).verdict());
        Path file = media.resolve("a/b/qtaccess");
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, "require user alice\n"); // another size
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 5000));
        assertEquals(Verdict.ALLOW, decide(ALICE, "/a/b/movie.mp4", AccessMode.READ).verdict());
        Files.delete(file);
        assertEquals(Verdict.ALLOW, decide(ALICE, "/a/b/movie.mp4", AccessMode.READ).verdict()); // a/qtaccess now
        assertEquals(Verdict.CHALLENGE, decide(BOB, "/a/b/movie.mp4", AccessMode.READ).verdict());
    }

    @Test
    public void pathsThatCouldLeaveTheFolderAreDenied() throws Exception {
        String[] paths = {"/a/../movie.mp4", "/../outside/x.mp4", "/a/./b/x", "/a\\..\\x", "/a\0/x", "relative/x",
            "/a/%2e%2e\n/x"};
        for (String path : paths) {
            assertEquals(path, Verdict.DENY, decide(BOB, path, AccessMode.READ).verdict());
        }
    }

    @Test
    public void neverReadsAnAccessFileOutsideTheFolder() throws Exception {
        Files.writeString(outside.resolve("qtaccess"), "require any-user\n");
        Files.createSymbolicLink(media.resolve("a/linked"), outside);
        Files.createSymbolicLink(media.resolve("open/qtaccess"), outside.resolve("qtaccess"));
        Files.createSymbolicLink(media.resolve("a/b/c/qtaccess"), media.resolve("missing"));
        assertEquals(Verdict.DENY, decide(ALICE, "/a/linked/movie.mp4", AccessMode.READ).verdict());
        assertEquals(Verdict.DENY, decide(null, "/open/movie.mp4", AccessMode.READ).verdict());
        assertEquals(Verdict.DENY, decide(BOB, "/a/b/c/movie.mp4", AccessMode.READ).verdict());
        // a link that stays inside is fine
        Files.createSymbolicLink(media.resolve("inside"), media.resolve("a/b"));
        assertEquals(Verdict.ALLOW, decide(BOB, "/inside/movie.mp4", AccessMode.READ).verdict());
    }

    @Test
    public void aDirectoryNamedLikeTheFileIsBroken() throws Exception {
        Files.createDirectories(media.resolve("open/qtaccess"));
        assertEquals(Verdict.DENY, decide(BOB, "/open/movie.mp4", AccessMode.READ).verdict());
    }

    @Test
    public void otherFileNamesAndMissingFolders() throws Exception {
        Files.writeString(media.resolve("open/.access"), "require valid-user\n");
        policy.open(media.toString(), ".access");
        assertEquals(Verdict.CHALLENGE, decide(null, "/open/movie.mp4", AccessMode.READ).verdict());
        assertEquals(Verdict.ALLOW, decide(null, "/a/movie.mp4", AccessMode.READ).verdict());
        for (String bad : new String[] {"../qtaccess", "sub/qtaccess", "..", "a\\b"}) {
            policy.open(media.toString(), bad);
            assertEquals(bad, Verdict.DENY, decide(BOB, "/movie.mp4", AccessMode.READ).verdict());
        }
        policy.open(temp.getRoot().toPath().resolve("no-such-folder").toString(), "qtaccess");
        assertEquals(Verdict.ALLOW, decide(null, "/a/movie.mp4", AccessMode.READ).verdict());
    }
}
