package org.tributary.auth.internal.file;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.tributary.api.DigestAlgorithm;
import org.tributary.api.UserPrincipal;
import org.tributary.security.DigestHash;

/** The users file realm on real files: logins, Digest HA1, groups, live reload and writes. */
public class FileRealmTest {

    private static final String REALM = "Streaming Server";
    private static final String ALICE_MD5 = QtUsersFileTest.MD5; // alice:Streaming Server:secret

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path users;
    private Path groups;
    private FileRealm realm;

    @Before
    public void createFiles() throws Exception {
        users = temp.getRoot().toPath().resolve("qtusers");
        groups = temp.getRoot().toPath().resolve("qtgroups");
        Files.writeString(users, "realm " + REALM + "\n"
                + "alice:AbCdEf0123456:" + ALICE_MD5 + "\n"
                + "bob::" + ha1(DigestAlgorithm.MD5, "bob", "pw") + ":"
                + ha1(DigestAlgorithm.SHA_256, "bob", "pw") + "\n"
                + "cryptonly:AbCdEf0123456\n"
                + "broken line\n");
        Files.writeString(groups, "broadcaster: alice bob\nviewers: bob\n");
        realm = new FileRealm(Duration.ofMillis(50));
        realm.open(users.toString(), groups.toString(), "Ignored While The File Has A Realm");
    }

    @After
    public void closeRealm() {
        realm.close();
    }

    private static String ha1(DigestAlgorithm algorithm, String user, String password) {
        return DigestHash.of(algorithm.token()).ha1(user, REALM, password.toCharArray());
    }

    @Test
    public void authenticatesQtssAndTributaryLines() {
        assertEquals(Optional.of(new UserPrincipal("alice", REALM, Set.of("broadcaster"))),
                realm.authenticate("alice", "secret".toCharArray()));
        assertEquals(Optional.of(new UserPrincipal("bob", REALM, Set.of("broadcaster", "viewers"))),
                realm.authenticate("bob", "pw".toCharArray()));
        assertEquals(REALM, realm.name());
    }

    @Test
    public void refusesWrongPasswordsUnknownUsersAndCryptOnlyLines() {
        assertEquals(Optional.empty(), realm.authenticate("alice", "Secret".toCharArray()));
        assertEquals(Optional.empty(), realm.authenticate("alice", new char[0]));
        assertEquals(Optional.empty(), realm.authenticate("nobody", "secret".toCharArray()));
        assertEquals(Optional.empty(), realm.authenticate("cryptonly", "anything".toCharArray()));
        assertEquals(Optional.empty(), realm.authenticate(null, "secret".toCharArray()));
        assertEquals(Optional.empty(), realm.authenticate("alice", null));
        assertEquals(Optional.empty(), realm.authenticate("broken line", "x".toCharArray()));
    }

    @Test
    public void givesDigestHa1OnlyForItsOwnRealm() {
        assertEquals(Optional.of(ALICE_MD5), realm.digestHa1("alice", REALM, DigestAlgorithm.MD5));
        assertEquals(Optional.empty(), realm.digestHa1("alice", REALM, DigestAlgorithm.SHA_256));
        assertEquals(Optional.of(ha1(DigestAlgorithm.SHA_256, "bob", "pw")),
                realm.digestHa1("bob", REALM, DigestAlgorithm.SHA_256));
        assertEquals(Optional.empty(), realm.digestHa1("alice", "streaming server", DigestAlgorithm.MD5));
        assertEquals(Optional.empty(), realm.digestHa1("alice", null, DigestAlgorithm.MD5));
        assertEquals(Optional.empty(), realm.digestHa1("nobody", REALM, DigestAlgorithm.MD5));
    }

    @Test
    public void looksUsersUpWithTheirGroups() {
        assertEquals(Optional.of(new UserPrincipal("bob", REALM, Set.of("broadcaster", "viewers"))),
                realm.lookup("bob"));
        assertEquals(Optional.empty(), realm.lookup("nobody"));
        assertEquals(List.of("alice", "bob", "cryptonly"), realm.users());
        assertEquals(Map.of("broadcaster", Set.of("alice", "bob"), "viewers", Set.of("bob")), realm.groups());
        assertEquals(Set.of("broadcaster"), realm.groupsOf("alice"));
        assertEquals(Set.of(), realm.groupsOf("nobody"));
    }

    @Test
    public void appliesEditsOfTheFilesWithoutRestart() throws Exception {
        Files.writeString(users, "realm " + REALM + "\ncarol::" + ha1(DigestAlgorithm.MD5, "carol", "c") + "\n");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> realm.authenticate("carol", "c".toCharArray()).isPresent());
        assertEquals(Optional.empty(), realm.authenticate("alice", "secret".toCharArray()));
        Files.writeString(groups, "broadcaster: carol\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> realm.groupsOf("carol").equals(Set.of("broadcaster")));
        Files.delete(users);
        await().atMost(Duration.ofSeconds(10)).until(() -> realm.users().isEmpty());
    }

    @Test
    public void aNewRealmLineChangesTheRealm() throws Exception {
        Files.writeString(users, "realm Other\nalice::" + ALICE_MD5 + "\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> realm.name().equals("Other"));
        // the stored hash was made for "Streaming Server": it no longer matches
        assertEquals(Optional.empty(), realm.authenticate("alice", "secret".toCharArray()));
        assertEquals(Optional.of(ALICE_MD5), realm.digestHa1("alice", "Other", DigestAlgorithm.MD5));
    }

    @Test
    public void setPasswordStoresOnlyHashesAtomicallyAndOwnerOnly() throws Exception {
        realm.setPassword("dave", "Tr0ub4dor&3".toCharArray());
        realm.setPassword("alice", "new secret".toCharArray());
        String text = Files.readString(users, StandardCharsets.UTF_8);
        assertFalse(text.contains("Tr0ub4dor"));
        assertFalse(text.contains("new secret"));
        assertTrue(text, text.startsWith("realm " + REALM + "\n"));
        assertTrue(text, text.contains("\ndave::" + ha1(DigestAlgorithm.MD5, "dave", "Tr0ub4dor&3") + ":"
                + ha1(DigestAlgorithm.SHA_256, "dave", "Tr0ub4dor&3") + "\n"));
        assertTrue(text, text.contains("\nbroken line\n"));
        assertFalse(text, text.contains("AbCdEf0123456:" + ALICE_MD5)); // alice's old line is replaced
        assertTrue(realm.authenticate("dave", "Tr0ub4dor&3".toCharArray()).isPresent());
        assertTrue(realm.authenticate("alice", "new secret".toCharArray()).isPresent());
        assertEquals(Set.of("broadcaster"), realm.lookup("alice").orElseThrow().groups());
        assertEquals(Optional.of(ha1(DigestAlgorithm.SHA_256, "dave", "Tr0ub4dor&3")),
                realm.digestHa1("dave", REALM, DigestAlgorithm.SHA_256));
        if (users.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(users)));
        }
        try (var files = Files.list(temp.getRoot().toPath())) {
            assertEquals(2, files.count()); // no temporary file left behind
        }
    }

    @Test
    public void setPasswordCreatesTheFileWithTheConfiguredRealm() throws Exception {
        Path fresh = temp.getRoot().toPath().resolve("sub/qtusers");
        FileRealm other = new FileRealm(Duration.ofMillis(50));
        try {
            other.open(fresh.toString(), temp.getRoot().toPath().resolve("sub/qtgroups").toString(), "My Realm");
            assertEquals("My Realm", other.name());
            other.setPassword("erin", "pw".toCharArray());
            assertEquals("realm My Realm\nerin::" + DigestHash.MD5.ha1("erin", "My Realm",
                    "pw".toCharArray()) + ":" + DigestHash.SHA_256.ha1("erin", "My Realm",
                    "pw".toCharArray()) + "\n", Files.readString(fresh));
        } finally {
            other.close();
        }
    }

    @Test
    public void refusesNamesTheFilesCannotHold() {
        String[] bad = {"", "a:b", "a\nb", "x".repeat(256), " padded", "#comment"};
        for (String name : bad) {
            try {
                realm.setPassword(name, "pw".toCharArray());
                fail("accepted user name '" + name + "'");
            } catch (IllegalArgumentException expected) {
                // the message names the problem
            }
        }
        try {
            realm.addToGroup("two words", Set.of("alice"));
            fail("accepted a group name with a space");
        } catch (IllegalArgumentException expected) {
            // spaces separate members
        }
        try {
            realm.setPassword("alice", new char[0]);
            fail("accepted an empty password");
        } catch (IllegalArgumentException expected) {
            // nothing to hash
        }
    }

    @Test
    public void removeUserAlsoLeavesEveryGroup() throws Exception {
        assertTrue(realm.removeUser("bob"));
        assertFalse(realm.removeUser("bob"));
        assertEquals(Optional.empty(), realm.authenticate("bob", "pw".toCharArray()));
        assertEquals(Map.of("broadcaster", Set.of("alice"), "viewers", Set.of()), realm.groups());
        assertFalse(Files.readString(users).contains("bob"));
        assertEquals("broadcaster: alice\nviewers:\n", Files.readString(groups));
    }

    @Test
    public void groupOperations() throws Exception {
        realm.addToGroup("admins", Set.of("alice"));
        assertEquals(Set.of("admins", "broadcaster"), realm.groupsOf("alice"));
        assertTrue(realm.removeFromGroup("broadcaster", "alice"));
        assertFalse(realm.removeFromGroup("broadcaster", "alice"));
        assertFalse(realm.removeFromGroup("missing", "alice"));
        assertTrue(realm.removeGroup("viewers"));
        assertFalse(realm.removeGroup("viewers"));
        assertEquals("broadcaster: bob\nadmins: alice\n", Files.readString(groups));
    }

    @Test
    public void closeStopsWatching() {
        realm.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().equals("tributary-auth-file-realm") && thread.isAlive()));
    }
}
