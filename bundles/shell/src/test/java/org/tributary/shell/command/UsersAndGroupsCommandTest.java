package org.tributary.shell.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.junit.Test;

public class UsersAndGroupsCommandTest {

    @Test
    public void usersListsEveryStoreWithGroups() throws Exception {
        UsersCommand command = new UsersCommand();
        command.stores = List.of(new FakeUserStore("zeta").with("zoe"),
                new FakeUserStore("alpha").with("alice", "broadcaster", "admins").with("bob"));
        Output out = new Output();
        command.print(out.stream);
        String text = out.text();
        assertTrue(text, text.matches("(?s).*alpha\\s+\\|\\s+alice\\s+\\|\\s+admins, broadcaster.*"));
        assertTrue(text, text.matches("(?s).*alpha\\s+\\|\\s+bob\\s.*"));
        assertTrue(text, text.contains("zoe"));
        assertTrue("realms sorted: " + text, text.indexOf("alpha") < text.indexOf("zeta"));
    }

    @Test
    public void usersWithoutStoreSaysSo() {
        UsersCommand command = new UsersCommand();
        CommandException e = assertThrows(CommandException.class, () -> command.print(new Output().stream));
        assertEquals("no users file realm is running", e.getMessage());
        command.stores = List.of();
        assertThrows(CommandException.class, () -> command.print(new Output().stream));
    }

    @Test
    public void groupsListsMembers() throws Exception {
        GroupsCommand command = new GroupsCommand();
        command.stores = List.of(new FakeUserStore("tributary").with("bob", "broadcaster").with("alice", "broadcaster"));
        Output out = new Output();
        command.print(out.stream);
        String text = out.text();
        assertTrue(text, text.matches("(?s).*tributary\\s+\\|\\s+broadcaster\\s+\\|\\s+alice, bob.*"));
    }

    @Test
    public void groupsWithoutStoreSaysSo() {
        CommandException e = assertThrows(CommandException.class, () -> new GroupsCommand().print(new Output().stream));
        assertEquals("no users file realm is running", e.getMessage());
    }
}
