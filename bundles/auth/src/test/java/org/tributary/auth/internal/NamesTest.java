package org.tributary.auth.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Which names the users and groups files can hold. */
public class NamesTest {

    @Test
    public void userNames() {
        for (String ok : new String[] {"alice", "John Smith", "émile", "a".repeat(255), "é".repeat(127)}) {
            assertFalse(ok, Names.userNameProblem(ok).isPresent());
        }
        String[][] bad = {{"", "empty"}, {"a:b", "':'"}, {"a\tb", "control"}, {"a\u007fb", "control"},
            {"a".repeat(256), "255 bytes"}, {"é".repeat(128), "255 bytes"}, {" alice", "space"}, {"#x", "'#'"}};
        for (String[] row : bad) {
            assertTrue(row[0], Names.userNameProblem(row[0]).orElseThrow().contains(row[1]));
        }
        assertTrue(Names.userNameProblem(null).isPresent());
    }

    @Test
    public void groupFileNamesHaveNoSpaces() {
        assertFalse(Names.groupFileNameProblem("broadcaster").isPresent());
        assertTrue(Names.groupFileNameProblem("John Smith").isPresent());
        assertTrue(Names.groupFileNameProblem("a\u00a0b").isPresent());
    }

    @Test
    public void printableHidesControlsAndCutsLongText() {
        assertEquals("a?b", Names.printable("a\nb"));
        assertEquals("x".repeat(200) + "...", Names.printable("x".repeat(1000)));
        assertEquals("", Names.printable(null));
    }
}
