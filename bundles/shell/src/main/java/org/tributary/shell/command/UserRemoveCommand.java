package org.tributary.shell.command;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.tributary.api.UserStore;
import org.tributary.shell.command.completers.UserNameCompleter;

/** {@code stream:user-remove USER}: removes a user from a users file realm and from its groups. */
@Service
@Command(scope = "stream", name = "user-remove", description = "Removes a user from a users file realm and from every group")
public class UserRemoveCommand extends RealmStoreCommand {

    @Argument(index = 0, name = "user", description = "The user name", required = true)
    @Completion(UserNameCompleter.class)
    String user;

    @Override
    public Object execute() throws CommandException {
        run(System.out);
        return null;
    }

    void run(PrintStream out) throws CommandException {
        UserStore store = store();
        if (!store.removeUser(user)) {
            throw new CommandException("no user " + user + " in realm " + store.realmName());
        }
        out.println("Removed user " + user + " from realm " + store.realmName());
    }
}
