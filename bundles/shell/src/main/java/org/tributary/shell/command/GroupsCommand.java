package org.tributary.shell.command;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tributary.api.UserStore;

/** {@code stream:groups}: the groups of every users file realm, with their members. */
@Service
@Command(scope = "stream", name = "groups", description = "Lists the groups of the users file realms with their members")
public class GroupsCommand implements Action {

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
        table.column("Group");
        table.column("Members");
        for (UserStore store : UserStores.all(stores)) {
            for (Map.Entry<String, Set<String>> group : new TreeMap<>(store.groups()).entrySet()) {
                table.addRow().addContent(store.realmName(), group.getKey(),
                        String.join(", ", new TreeSet<>(group.getValue())));
            }
        }
        table.print(out);
    }
}
