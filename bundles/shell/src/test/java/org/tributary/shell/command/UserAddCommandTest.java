package org.tributary.shell.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.junit.Test;

public class UserAddCommandTest {

    /** Answers the prompts from a script and records the prompts shown. */
    private static final class ScriptedPrompt implements PasswordPrompt {
        final Deque<String> answers;
        final List<String> prompts = new ArrayList<>();

        ScriptedPrompt(String... answers) {
            this.answers = new ArrayDeque<>(Arrays.asList(answers));
        }

        @Override
        public String ask(String prompt) {
            prompts.add(prompt);
            return answers.isEmpty() ? null : answers.poll();
        }
    }

    private final FakeUserStore store = new FakeUserStore("tributary").with("bob");
    private final Output out = new Output();

    private UserAddCommand command(String user, FakeUserStore... stores) {
        UserAddCommand command = new UserAddCommand();
        command.user = user;
        command.stores = List.of(stores);
        return command;
    }

    @Test
    public void addsUserWithThePasswordTypedTwiceAndClearsIt() throws Exception {
        ScriptedPrompt prompt = new ScriptedPrompt("s3cret", "s3cret");
        command("alice", store).run(prompt, out.stream);
        assertEquals("s3cret", store.passwords.get("alice"));
        assertEquals(List.of("Password: ", "Password again: "), prompt.prompts);
        assertEquals("Added user alice to realm tributary" + System.lineSeparator(), out.text());
        assertTrue(store.passedArraysCleared());
    }

    @Test
    public void changesPasswordOfExistingUser() throws Exception {
        command("bob", store).run(new ScriptedPrompt("new", "new"), out.stream);
        assertEquals("new", store.passwords.get("bob"));
        assertEquals("Changed the password of user bob in realm tributary" + System.lineSeparator(), out.text());
    }

    @Test
    public void refusesMismatchedPasswords() {
        CommandException e = assertThrows(CommandException.class,
                () -> command("alice", store).run(new ScriptedPrompt("one", "two"), out.stream));
        assertEquals("the two passwords differ; nothing changed", e.getMessage());
        assertFalse(store.passwords.containsKey("alice"));
        assertEquals("", out.text());
    }

    @Test
    public void refusesEmptyPasswordWithoutAskingAgain() {
        ScriptedPrompt prompt = new ScriptedPrompt("", "");
        CommandException e = assertThrows(CommandException.class, () -> command("alice", store).run(prompt, out.stream));
        assertEquals("empty password refused; nothing changed", e.getMessage());
        assertEquals(List.of("Password: "), prompt.prompts);
        assertFalse(store.passwords.containsKey("alice"));
    }

    @Test
    public void failsClearlyWithoutTerminal() {
        CommandException e = assertThrows(CommandException.class,
                () -> command("alice", store).run(new ScriptedPrompt(), out.stream));
        assertTrue(e.getMessage(), e.getMessage().startsWith("no password read: without a console"));
        assertTrue(e.getMessage(), e.getMessage().contains("--password"));
        assertFalse(store.passwords.containsKey("alice"));
    }

    @Test
    public void aGivenPasswordNeedsNoConsole() throws Exception {
        command("alice", store).run(PasswordPrompt.givenOr("s3cret", null), out.stream);
        assertEquals("s3cret", store.passwords.get("alice"));
        assertEquals("Added user alice to realm tributary" + System.lineSeparator(), out.text());
    }

    @Test
    public void failsClearlyWhenSecondAnswerMissing() {
        CommandException e = assertThrows(CommandException.class,
                () -> command("alice", store).run(new ScriptedPrompt("x"), out.stream));
        assertTrue(e.getMessage(), e.getMessage().startsWith("no password read"));
        assertFalse(store.passwords.containsKey("alice"));
    }

    @Test
    public void reportsNameTheStoreRefuses() {
        CommandException e = assertThrows(CommandException.class,
                () -> command("al:ice", store).run(new ScriptedPrompt("pw", "pw"), out.stream));
        assertEquals("a user name cannot hold ':': al:ice", e.getMessage());
    }

    @Test
    public void withoutStoreSaysNoRealmRunsBeforePrompting() {
        ScriptedPrompt prompt = new ScriptedPrompt("pw", "pw");
        UserAddCommand command = command("alice");
        CommandException e = assertThrows(CommandException.class, () -> command.run(prompt, out.stream));
        assertEquals("no users file realm is running", e.getMessage());
        assertTrue(prompt.prompts.isEmpty());
        command.stores = null;
        assertThrows(CommandException.class, () -> command.run(prompt, out.stream));
    }

    @Test
    public void severalStoresNeedRealmOption() throws Exception {
        FakeUserStore other = new FakeUserStore("backup");
        UserAddCommand command = command("alice", store, other);
        CommandException e = assertThrows(CommandException.class,
                () -> command.run(new ScriptedPrompt("pw", "pw"), out.stream));
        assertEquals("several users file realms are running (backup, tributary): choose one with --realm", e.getMessage());

        command.realm = "nope";
        e = assertThrows(CommandException.class, () -> command.run(new ScriptedPrompt("pw", "pw"), out.stream));
        assertEquals("no users file realm named nope (running: backup, tributary)", e.getMessage());

        command.realm = "backup";
        command.run(new ScriptedPrompt("pw", "pw"), out.stream);
        assertEquals("pw", other.passwords.get("alice"));
        assertFalse(store.passwords.containsKey("alice"));
    }

    @Test
    public void sessionPromptMasksInputAndTurnsHeadlessSessionIntoNull() throws Exception {
        List<Object> asked = new ArrayList<>();
        Session terminal = session((prompt, mask) -> {
            asked.add(prompt);
            asked.add(mask);
            return "typed";
        });
        assertEquals("typed", PasswordPrompt.of(terminal).ask("Password: "));
        assertEquals(List.of("Password: ", '*'), asked);

        Session headless = session((prompt, mask) -> {
            throw new UnsupportedOperationException();
        });
        assertNull(PasswordPrompt.of(headless).ask("Password: "));
    }

    private interface ReadLine {
        String readLine(String prompt, Character mask);
    }

    /** A session that only implements readLine; the prompt adapter needs nothing else. */
    private static Session session(ReadLine readLine) {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("readLine")) {
                        return readLine.readLine((String) args[0], (Character) args[1]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
