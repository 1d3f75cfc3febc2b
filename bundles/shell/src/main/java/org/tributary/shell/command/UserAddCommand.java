package org.tributary.shell.command;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.tributary.api.UserStore;
import org.tributary.shell.command.completers.UserNameCompleter;

/**
 * {@code stream:user-add USER}: adds a user or changes its password. The password is typed twice
 * with echo off; for scripts (ssh with a command, {@code bin/client}) {@code --password} gives it on
 * the command line instead, which then ends up in the shell history and the process list.
 */
@Service
@Command(scope = "stream", name = "user-add",
        description = "Adds a user to a users file realm, or changes the password of an existing user. "
                + "The password is asked twice on the console; --password is for scripts only.")
public class UserAddCommand extends RealmStoreCommand {

    @Argument(index = 0, name = "user", description = "The user name", required = true)
    @Completion(UserNameCompleter.class)
    String user;

    @Option(name = "-p", aliases = "--password", description = "The password, for scripts that have no console. "
            + "WARNING: it lands in the shell history (data/history.txt) and can be seen while the command runs; "
            + "leave it out to be asked with echo off")
    String givenPassword;

    @Reference
    Session session;

    @Override
    public Object execute() throws CommandException, IOException {
        run(PasswordPrompt.givenOr(givenPassword, session), System.out);
        return null;
    }

    void run(PasswordPrompt prompt, PrintStream out) throws CommandException, IOException {
        UserStore store = store();
        boolean existed = store.users().contains(user);
        char[] password = ask(prompt, "Password: ");
        char[] again = null;
        try {
            if (password.length == 0) {
                throw new CommandException("empty password refused; nothing changed");
            }
            again = ask(prompt, "Password again: ");
            if (!Arrays.equals(password, again)) {
                throw new CommandException("the two passwords differ; nothing changed");
            }
            store.setPassword(user, password);
        } catch (IllegalArgumentException e) {
            throw UserStores.refused(e);
        } finally {
            Arrays.fill(password, '\0');
            if (again != null) {
                Arrays.fill(again, '\0');
            }
        }
        out.println((existed ? "Changed the password of user " + user + " in realm "
                : "Added user " + user + " to realm ") + store.realmName());
    }

    private static char[] ask(PasswordPrompt prompt, String text) throws CommandException, IOException {
        String line = prompt.ask(text);
        if (line == null) {
            throw new CommandException("no password read: without a console (ssh with a command, bin/client) "
                    + "give it with --password; nothing changed");
        }
        return line.toCharArray();
    }
}
