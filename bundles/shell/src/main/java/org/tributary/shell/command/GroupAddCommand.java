package org.tributary.shell.command;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.tributary.api.UserStore;
import org.tributary.shell.command.completers.GroupNameCompleter;
import org.tributary.shell.command.completers.UserNameCompleter;

/**
 * {@code stream:group-add GROUP USER...}: adds members to a group, creating it. Like QTSS, a member
 * need not be a user of the realm (it may be added later); the command warns about it.
 */
@Service
@Command(scope = "stream", name = "group-add", description = "Adds users to a group of a users file realm, creating the group when needed")
public class GroupAddCommand extends RealmStoreCommand {

    @Argument(index = 0, name = "group", description = "The group name", required = true)
    @Completion(GroupNameCompleter.class)
    String group;

    @Argument(index = 1, name = "users", description = "The users to add", required = true, multiValued = true)
    @Completion(UserNameCompleter.class)
    List<String> users;

    @Override
    public Object execute() throws CommandException {
        run(System.out, System.err);
        return null;
    }

    void run(PrintStream out, PrintStream err) throws CommandException {
        UserStore store = store();
        Set<String> members = new TreeSet<>(users);
        List<String> known = store.users();
        for (String member : members) {
            if (!known.contains(member)) {
                err.println("Warning: " + member + " is not a user of realm " + store.realmName()
                        + "; added to the group anyway");
            }
        }
        boolean existed = store.groups().containsKey(group);
        try {
            store.addToGroup(group, members);
        } catch (IllegalArgumentException e) {
            throw UserStores.refused(e);
        }
        String names = String.join(", ", members);
        out.println(existed
                ? "Added " + names + " to group " + group + " in realm " + store.realmName()
                : "Created group " + group + " in realm " + store.realmName() + " with " + names);
    }
}
