package org.tributary.shell.command.completers;

import java.util.Collection;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tributary.api.UserStore;

/** Completes the realm names of the users file realms (for {@code --realm}). */
@Service
public class RealmNameCompleter extends UserStoreNamesCompleter {

    @Override
    Collection<String> namesOf(UserStore store) {
        return List.of(store.realmName());
    }
}
