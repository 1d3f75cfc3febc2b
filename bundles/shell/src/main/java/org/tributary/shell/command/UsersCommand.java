package org.tributary.shell.command;

import java.io.PrintStream;
import java.util.List;
import java.util.TreeSet;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tributary.api.UserStore;

/** {@code stream:users}: the users of every users file realm, with their groups. */
@Service
@Command(scope = "stream", name = "users", description = "Lists the users of the users file realms with their groups")
public class UsersCommand implements Action {

    @Reference(optional = true)
    List<UserStore> stores;

    @Override
    public Object execute() throws CommandException {
        print(System.out);
        return null;
    }

    void print(PrintStream out) throws CommandException {
        ShellTable table = new ShellTable();
        table.column("Realm");
        table.column("User");
        table.column("Groups");
        for (UserStore store : UserStores.all(stores)) {
            for (String user : store.users()) {
                table.addRow().addContent(store.realmName(), user, String.join(", ", new TreeSet<>(store.groupsOf(user))));
            }
        }
        table.print(out);
    }
}
