package org.tributary.shell.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;

import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.support.CommandException;
import org.junit.Test;

public class GroupCommandsTest {

    private static final String NL = System.lineSeparator();

    private final FakeUserStore store = new FakeUserStore("tributary").with("alice").with("bob", "admins");
    private final Output out = new Output();
    private final Output err = new Output();

    private GroupAddCommand add(String group, String... users) {
        GroupAddCommand command = new GroupAddCommand();
        command.stores = List.of(store);
        command.group = group;
        command.users = List.of(users);
        return command;
    }

    private GroupRemoveCommand remove(String group, String... users) {
        GroupRemoveCommand command = new GroupRemoveCommand();
        command.stores = List.of(store);
        command.group = group;
        command.users = users.length == 0 ? null : List.of(users);
        return command;
    }

    @Test
    public void groupAddCreatesGroup() throws Exception {
        add("broadcaster", "bob", "alice").run(out.stream, err.stream);
        assertEquals(Set.of("alice", "bob"), store.groups.get("broadcaster"));
        assertEquals("Created group broadcaster in realm tributary with alice, bob" + NL, out.text());
        assertEquals("", err.text());
    }

    @Test
    public void groupAddExtendsGroupAndWarnsAboutUnknownUsers() throws Exception {
        add("admins", "carol", "alice").run(out.stream, err.stream);
        assertEquals(Set.of("alice", "bob", "carol"), store.groups.get("admins"));
        assertEquals("Added alice, carol to group admins in realm tributary" + NL, out.text());
        assertEquals("Warning: carol is not a user of realm tributary; added to the group anyway" + NL, err.text());
    }

    @Test
    public void groupAddWithoutStoreSaysNoRealmRuns() {
        GroupAddCommand command = add("admins", "alice");
        command.stores = null;
        CommandException e = assertThrows(CommandException.class, () -> command.run(out.stream, err.stream));
        assertEquals("no users file realm is running", e.getMessage());
    }

    @Test
    public void groupRemoveWithoutUsersRemovesGroup() throws Exception {
        remove("admins").run(out.stream, err.stream);
        assertFalse(store.groups.containsKey("admins"));
        assertEquals("Removed group admins from realm tributary" + NL, out.text());
    }

    @Test
    public void groupRemoveOfUnknownGroupIsAnError() {
        CommandException e = assertThrows(CommandException.class, () -> remove("nope").run(out.stream, err.stream));
        assertEquals("no group nope in realm tributary", e.getMessage());
        e = assertThrows(CommandException.class, () -> remove("nope", "bob").run(out.stream, err.stream));
        assertEquals("no group nope in realm tributary", e.getMessage());
    }

    @Test
    public void groupRemoveWithUsersRemovesMembersAndWarnsAboutOthers() throws Exception {
        store.addToGroup("admins", Set.of("alice"));
        remove("admins", "bob", "carol").run(out.stream, err.stream);
        assertEquals(Set.of("alice"), store.groups.get("admins"));
        assertEquals("Removed bob from group admins in realm tributary" + NL, out.text());
        assertEquals("Warning: carol was not a member of group admins in realm tributary" + NL, err.text());
    }
}
