package org.tributary.shell.command.completers;

import java.util.Collection;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tributary.api.UserStore;

/** Completes the group names of the users file realms. */
@Service
public class GroupNameCompleter extends UserStoreNamesCompleter {

    @Override
    Collection<String> namesOf(UserStore store) {
        return store.groups().keySet();
    }
}
