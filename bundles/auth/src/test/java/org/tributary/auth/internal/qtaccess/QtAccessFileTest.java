package org.tributary.auth.internal.qtaccess;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.Test;
import org.tributary.api.AccessMode;
import org.tributary.api.UserPrincipal;
import org.tributary.auth.internal.qtaccess.QtAccessFile.Kind;
import org.tributary.auth.internal.qtaccess.QtAccessFile.Requirement;

/** The qtaccess parser: directives, Limit sections, and what makes a file broken. */
public class QtAccessFileTest {

    private static final Optional<UserPrincipal> NOBODY = Optional.empty();
    private static final Optional<UserPrincipal> ALICE = Optional.of(new UserPrincipal("alice", "r", Set.of("staff")));
    private static final Optional<UserPrincipal> BOB =
            Optional.of(new UserPrincipal("bob", "r", Set.of("broadcaster")));

    @Test
    public void readsAQtssFile() {
        QtAccessFile file = QtAccessFile.parse("# QTSS sample\n"
                + "AuthName \"Private movies\"\n"
                + "AuthUserFile /Library/QuickTimeStreaming/Config/qtusers\n"
                + "authgroupfile /Library/QuickTimeStreaming/Config/qtgroups\n"
                + "AuthScheme digest\n"
                + "  require user alice  carol\r\n"
                + "REQUIRE group staff\n"
                + "<Limit WRITE>\n"
                + "require group broadcaster\n"
                + "</Limit>\n");
        assertEquals(Optional.empty(), file.problem());
        assertEquals(Optional.of("Private movies"), file.authName());
        assertEquals(List.of(new Requirement(Kind.USER, Set.of("alice", "carol")),
                new Requirement(Kind.GROUP, Set.of("staff"))), file.requirements(AccessMode.READ));
        assertEquals(List.of(new Requirement(Kind.GROUP, Set.of("broadcaster"))), file.requirements(AccessMode.WRITE));
        assertEquals(3, file.ignoredLines().size());
        assertTrue(file.ignoredLines().get(0).startsWith("line 3: AuthUserFile"));
    }

    @Test
    public void decidesForEachMode() {
        QtAccessFile file = QtAccessFile.parse("AuthName Movies\nrequire user alice\n"
                + "<Limit READ WRITE>\nrequire group broadcaster\n</Limit>\n");
        assertEquals(Optional.of("Movies"), file.authName());
        assertFalse(file.allows(NOBODY, AccessMode.READ));
        assertTrue(file.allows(ALICE, AccessMode.READ));
        assertTrue(file.allows(BOB, AccessMode.READ));
        assertFalse(file.allows(ALICE, AccessMode.WRITE));
        assertTrue(file.allows(BOB, AccessMode.WRITE));

        QtAccessFile valid = QtAccessFile.parse("require valid-user\n");
        assertFalse(valid.allows(NOBODY, AccessMode.READ));
        assertTrue(valid.allows(ALICE, AccessMode.READ));
        assertTrue(valid.allows(NOBODY, AccessMode.WRITE)); // nothing required for WRITE

        QtAccessFile any = QtAccessFile.parse("require user alice\nrequire any-user\n");
        assertTrue(any.allows(NOBODY, AccessMode.READ));

        QtAccessFile writeOnly = QtAccessFile.parse("<limit write>\nrequire valid-user\n</limit>\n");
        assertTrue(writeOnly.allows(NOBODY, AccessMode.READ));
        assertFalse(writeOnly.allows(NOBODY, AccessMode.WRITE));

        assertTrue(QtAccessFile.parse("").allows(NOBODY, AccessMode.READ));
        assertTrue(QtAccessFile.parse("# only comments\n\nAuthName x\n").allows(NOBODY, AccessMode.READ));
    }

    @Test
    public void brokenFilesNameTheLine() {
        Object[][] table = {
            {"AuthName x\nOrder allow,deny\n", 2, "unknown directive 'Order'"},
            {"require\n", 1, "require without"},
            {"require somebody\n", 1, "not valid-user, any-user, user or group"},
            {"require user\n", 1, "names nobody"},
            {"require group \n", 1, "names nobody"},
            {"require valid-user alice\n", 1, "text after require valid-user"},
            {"<Limit READ>\nrequire valid-user\n", 1, "not closed"},
            {"</Limit>\n", 1, "without <Limit>"},
            {"<Limit READ>\n<Limit WRITE>\n</Limit>\n", 2, "inside the <Limit> of line 1"},
            {"<Limit GET>\n</Limit>\n", 1, "names 'GET'"},
            {"<Limit READ\n</Limit>\n", 1, "not '<Limit"},
            {"<Limit>\n</Limit>\n", 1, "not '<Limit"},
            {"<LimitExcept READ>\n</Limit>\n", 1, "not '<Limit"},
            {"<Limit READ>\n</Limit> extra\n", 2, "text after </Limit>"},
            {"AuthName\n", 1, "AuthName without a name"},
            {"AuthName \"unclosed\n", 1, "unclosed quote"},
            {"AuthName \"\"\n", 1, "AuthName without a name"},
        };
        for (Object[] row : table) {
            QtAccessFile file = QtAccessFile.parse((String) row[0]);
            assertTrue(row[0] + " is broken", file.problem().isPresent());
            assertEquals((String) row[0], row[1], file.brokenLine());
            assertTrue(file.problem().get(), file.problem().get().contains((String) row[2]));
        }
    }
}
