package org.tributary.shell.command;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.tributary.api.UserStore;
import org.tributary.shell.command.completers.GroupNameCompleter;
import org.tributary.shell.command.completers.UserNameCompleter;

/** {@code stream:group-remove GROUP [USER...]}: removes members from a group, or the whole group when no user is named. */
@Service
@Command(scope = "stream", name = "group-remove",
        description = "Removes users from a group of a users file realm; without users, removes the group")
public class GroupRemoveCommand extends RealmStoreCommand {

    @Argument(index = 0, name = "group", description = "The group name", required = true)
    @Completion(GroupNameCompleter.class)
    String group;

    @Argument(index = 1, name = "users", description = "The members to remove; none removes the group", multiValued = true)
    @Completion(UserNameCompleter.class)
    List<String> users;

    @Override
    public Object execute() throws CommandException {
        run(System.out, System.err);
        return null;
    }

    void run(PrintStream out, PrintStream err) throws CommandException {
        UserStore store = store();
        String where = " in realm " + store.realmName();
        if (users == null || users.isEmpty()) {
            if (!store.removeGroup(group)) {
                throw new CommandException("no group " + group + where);
            }
            out.println("Removed group " + group + " from realm " + store.realmName());
            return;
        }
        if (!store.groups().containsKey(group)) {
            throw new CommandException("no group " + group + where);
        }
        for (String member : new LinkedHashSet<>(users)) {
            if (store.removeFromGroup(group, member)) {
                out.println("Removed " + member + " from group " + group + where);
            } else {
                err.println("Warning: " + member + " was not a member of group " + group + where);
            }
        }
    }
}
