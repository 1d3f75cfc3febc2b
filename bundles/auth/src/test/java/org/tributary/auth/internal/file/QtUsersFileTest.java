package org.tributary.auth.internal.file;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.Test;
import org.tributary.api.DigestAlgorithm;

/** The qtusers parser and writer, QTSS lines and ours, and what happens to broken lines. */
public class QtUsersFileTest {

    static final String MD5 = "8ca119152fc7707dcfecc0fd87be63bb"; // alice:Streaming Server:secret
    static final String SHA = "7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232";

    @Test
    public void readsQtssAndTributaryLines() {
        QtUsersFile file = QtUsersFile.parse("qtusers", "realm Streaming Server\n"
                + "# a comment\n\n"
                + "qtss:AbCdEf0123456:" + MD5 + "\n"
                + "alice::" + MD5.toUpperCase() + ":" + SHA + "\r\n"
                + "old:XyZw98765432a\n"
                + "older:XyZw98765432a:\n"
                + "John Smith::" + MD5);
        assertEquals(Optional.of("Streaming Server"), file.realm());
        assertEquals(List.of(), file.problems());
        assertEquals(List.of("qtss", "alice", "old", "older", "John Smith"), List.copyOf(file.users().keySet()));
        QtUser alice = file.users().get("alice");
        assertEquals(Optional.of(MD5), alice.ha1(DigestAlgorithm.MD5)); // lower-cased
        assertEquals(Optional.of(SHA), alice.ha1(DigestAlgorithm.SHA_256));
        QtUser qtss = file.users().get("qtss");
        assertEquals("AbCdEf0123456", qtss.crypt());
        assertEquals(Optional.empty(), qtss.ha1(DigestAlgorithm.SHA_256));
        assertTrue(qtss.hasDigest());
        assertFalse(file.users().get("old").hasDigest());
        assertFalse(file.users().get("older").hasDigest());
    }

    @Test
    public void realmLineIsOptionalAndMayFollowComments() {
        assertEquals(Optional.empty(), QtUsersFile.parse("f", "alice::" + MD5 + "\n").realm());
        assertEquals(Optional.of("My Realm"), QtUsersFile.parse("f", "# users\n\nrealm   My Realm  \n").realm());
        QtUsersFile late = QtUsersFile.parse("f", "alice::" + MD5 + "\nrealm Late\n");
        assertEquals(Optional.empty(), late.realm());
        assertEquals(1, late.problems().size());
    }

    @Test
    public void skipsBrokenLinesNamingFileAndLineAndKeepsTheValidOnes() {
        String[][] table = {
            {"no colon at all", "not 'user:crypt:md5ha1"},
            {"a:b:" + MD5 + ":" + SHA + ":extra", "more than 4"},
            {"bad::" + MD5.substring(1) + "g", "MD5 HA1 is not 32 hex digits"},
            {"short::" + MD5.substring(2), "MD5 HA1 is not 32 hex digits"},
            {"shaBad::" + MD5 + ":" + SHA.substring(1), "SHA-256 HA1 is not 64 hex digits"},
            {"ctl\u0001name::" + MD5, "control character in user name"},
            {"x".repeat(256) + "::" + MD5, "longer than 255 bytes"},
            {":crypt:" + MD5, "empty user name"},
            {"nohash::", "no password hash"},
            {"alice::" + MD5, "duplicate user 'alice' (first on line 2)"},
            {"bad\uFFFDutf::" + MD5, "not valid UTF-8"},
        };
        StringBuilder text = new StringBuilder("realm R\nalice::" + MD5 + "\n");
        for (String[] row : table) {
            text.append(row[0]).append('\n');
        }
        text.append("bob::").append(MD5).append('\n');
        QtUsersFile file = QtUsersFile.parse("/etc/qtusers", text.toString());
        assertEquals(List.of("alice", "bob"), List.copyOf(file.users().keySet()));
        assertEquals(table.length, file.problems().size());
        for (int i = 0; i < table.length; i++) {
            String problem = file.problems().get(i);
            assertTrue(problem, problem.startsWith("line " + (i + 3) + " of /etc/qtusers: "));
            assertTrue(problem, problem.contains(table[i][1]));
        }
    }

    @Test
    public void rewritingKeepsCommentsAndBrokenLinesAndPutsTheRealmFirst() {
        QtUsersFile file = QtUsersFile.parse("f", "# admins\nqtss:AbCdEf0123456:" + MD5 + "\nbroken line\n");
        QtUser bob = new QtUser("bob", "", MD5, SHA);
        assertEquals("realm Fallback\n# admins\nqtss:AbCdEf0123456:" + MD5 + "\nbroken line\nbob::" + MD5 + ":" + SHA
                + "\n", file.withUser(bob).format("Fallback"));
        QtUsersFile withRealm = QtUsersFile.parse("f", "realm R\nqtss:AbCdEf0123456:" + MD5 + "\n");
        assertEquals("realm R\nqtss::" + MD5 + ":" + SHA + "\n",
                withRealm.withUser(new QtUser("qtss", "", MD5, SHA)).format("Fallback"));
    }

    @Test
    public void changingOrRemovingAUserDropsItsBrokenDuplicates() {
        QtUsersFile file = QtUsersFile.parse("f", "realm R\nalice::" + MD5 + "\nalice::nothex\ncarol::" + MD5 + "\n");
        assertEquals("realm R\ncarol::" + MD5 + "\n", file.withoutUser("alice").format("x"));
        assertEquals("realm R\nalice::" + MD5 + ":" + SHA + "\ncarol::" + MD5 + "\n",
                file.withUser(new QtUser("alice", "", MD5, SHA)).format("x"));
        QtUsersFile removed = file.withoutUser("alice");
        assertFalse(removed.users().containsKey("alice"));
        assertEquals(file.format("x"), file.withoutUser("nobody").format("x"));
    }

    @Test
    public void emptyTextIsAnEmptyFile() {
        QtUsersFile file = QtUsersFile.parse("f", "");
        assertTrue(file.users().isEmpty());
        assertEquals("realm Streaming Server\n", file.format("Streaming Server"));
    }
}
