package org.tributary.auth.internal.file;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

/** The qtgroups parser and writer. */
public class QtGroupsFileTest {

    @Test
    public void readsGroupsAndMergesAGroupOnSeveralLines() {
        QtGroupsFile file = QtGroupsFile.parse("qtgroups", "# groups\n"
                + "broadcaster: alice bob\n"
                + "admin:carol\r\n"
                + "empty:\n"
                + "broadcaster:\tdave  alice\n");
        assertEquals(List.of(), file.problems());
        assertEquals(Map.of("broadcaster", Set.of("alice", "bob", "dave"), "admin", Set.of("carol"),
                "empty", Set.of()), file.groups());
    }

    @Test
    public void skipsBrokenLinesNamingFileAndLine() {
        String[][] table = {
            {"no colon", "not 'group: user1"},
            {": alice", "group name: empty"},
            {"two words: alice", "group name: space"},
            {"ctl: al\u0001ice", "member name: control character"},
            {"bad\uFFFD: alice", "not valid UTF-8"},
        };
        StringBuilder text = new StringBuilder("ok: alice\n");
        for (String[] row : table) {
            text.append(row[0]).append('\n');
        }
        QtGroupsFile file = QtGroupsFile.parse("/etc/qtgroups", text.toString());
        assertEquals(Map.of("ok", Set.of("alice")), file.groups());
        assertEquals(table.length, file.problems().size());
        for (int i = 0; i < table.length; i++) {
            String problem = file.problems().get(i);
            assertTrue(problem, problem.startsWith("line " + (i + 2) + " of /etc/qtgroups: "));
            assertTrue(problem, problem.contains(table[i][1]));
        }
    }

    @Test
    public void rewritingPutsEachGroupOnOneLineAndKeepsTheRest() {
        QtGroupsFile file = QtGroupsFile.parse("f", "# groups\nb: alice\nbroken\na: carol\nb: bob\n");
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        groups.put("b", new LinkedHashSet<>(List.of("alice", "bob", "erin")));
        groups.put("new", new LinkedHashSet<>(List.of("frank")));
        groups.put("none", new LinkedHashSet<>());
        assertEquals("# groups\nb: alice bob erin\nbroken\nnew: frank\nnone:\n", file.withGroups(groups).format());
    }
}
