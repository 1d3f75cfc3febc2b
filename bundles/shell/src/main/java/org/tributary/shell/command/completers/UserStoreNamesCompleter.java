package org.tributary.shell.command.completers;

import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.tributary.api.UserStore;

/** Completes names found in the running users file realms; subclasses say which names. */
abstract class UserStoreNamesCompleter implements Completer {

    // Karaf injects the fields of superclasses too, and re-creates completers when a store comes or goes.
    @Reference(optional = true)
    List<UserStore> stores;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(names()).complete(session, commandLine, candidates);
    }

    /** @return the names of every running store, sorted and without duplicates */
    SortedSet<String> names() {
        SortedSet<String> names = new TreeSet<>();
        if (stores != null) {
            for (UserStore store : stores) {
                names.addAll(namesOf(store));
            }
        }
        return names;
    }

    /** @return the names one store contributes */
    abstract Collection<String> namesOf(UserStore store);
}
