package org.tributary.shell.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;

import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.junit.Test;

public class UserRemoveCommandTest {

    @Test
    public void removesUserAndItsMemberships() throws Exception {
        FakeUserStore store = new FakeUserStore("tributary").with("alice", "broadcaster").with("bob", "broadcaster");
        UserRemoveCommand command = new UserRemoveCommand();
        command.stores = List.of(store);
        command.user = "alice";
        Output out = new Output();
        command.run(out.stream);
        assertEquals("Removed user alice from realm tributary" + System.lineSeparator(), out.text());
        assertEquals(List.of("bob"), store.users());
        assertFalse(store.groups.get("broadcaster").contains("alice"));
    }

    @Test
    public void unknownUserIsAnError() {
        UserRemoveCommand command = new UserRemoveCommand();
        command.stores = List.of(new FakeUserStore("tributary").with("bob"));
        command.user = "alice";
        CommandException e = assertThrows(CommandException.class, () -> command.run(new Output().stream));
        assertEquals("no user alice in realm tributary", e.getMessage());
    }

    @Test
    public void withoutStoreSaysNoRealmRuns() {
        UserRemoveCommand command = new UserRemoveCommand();
        command.user = "alice";
        CommandException e = assertThrows(CommandException.class, () -> command.run(new Output().stream));
        assertEquals("no users file realm is running", e.getMessage());
    }
}
