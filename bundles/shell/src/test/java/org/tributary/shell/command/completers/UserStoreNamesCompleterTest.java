package org.tributary.shell.command.completers;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.console.CommandLine;
import org.junit.Test;
import org.tributary.shell.command.FakeUserStore;

public class UserStoreNamesCompleterTest {

    private static final List<org.tributary.api.UserStore> STORES = List.of(
            new FakeUserStore("tributary").with("alice", "broadcaster").with("bob", "admins"),
            new FakeUserStore("backup").with("alice").with("carol", "broadcaster"));

    private static <C extends UserStoreNamesCompleter> C withStores(C completer) {
        completer.stores = STORES;
        return completer;
    }

    @Test
    public void namesComeFromEveryStoreWithoutDuplicates() {
        assertEquals(List.of("alice", "bob", "carol"), new ArrayList<>(withStores(new UserNameCompleter()).names()));
        assertEquals(List.of("admins", "broadcaster"), new ArrayList<>(withStores(new GroupNameCompleter()).names()));
        assertEquals(List.of("backup", "tributary"), new ArrayList<>(withStores(new RealmNameCompleter()).names()));
    }

    @Test
    public void noStoreMeansNoCandidates() {
        assertTrue(new UserNameCompleter().names().isEmpty());
    }

    @Test
    public void completesThePrefixTyped() {
        List<String> candidates = new ArrayList<>();
        withStores(new UserNameCompleter()).complete(null, typed("stream:user-remove", "ca"), candidates);
        assertEquals(1, candidates.size());
        assertEquals("carol", candidates.get(0).trim());
    }

    /** A command line whose cursor is at the end of its last word. */
    static CommandLine typed(String... words) {
        String last = words[words.length - 1];
        String buffer = String.join(" ", words);
        return new CommandLine() {
            public int getCursorArgumentIndex() { return words.length - 1; }
            public String getCursorArgument() { return last; }
            public int getArgumentPosition() { return last.length(); }
            public String[] getArguments() { return words; }
            public int getBufferPosition() { return buffer.length(); }
            public String getBuffer() { return buffer; }
        };
    }
}
