package org.tributary.shell.command.completers;

import java.util.Collection;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tributary.api.UserStore;

/** Completes the user names of the users file realms. */
@Service
public class UserNameCompleter extends UserStoreNamesCompleter {

    @Override
    Collection<String> namesOf(UserStore store) {
        return store.users();
    }
}
