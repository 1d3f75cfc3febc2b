package org.tributary.shell.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.CommandException;
import org.tributary.api.UserStore;
import org.tributary.shell.command.completers.RealmNameCompleter;

/** What the commands that change a users file realm share: the {@code --realm} option and the stores. */
abstract class RealmStoreCommand implements Action {

    @Option(name = "-r", aliases = "--realm", description = "The realm, when several users file realms are running")
    @Completion(RealmNameCompleter.class)
    String realm;

    @Reference(optional = true)
    List<UserStore> stores;

    /** @return the store named by {@code --realm}, or the only one running */
    UserStore store() throws CommandException {
        return UserStores.pick(stores, realm);
    }
}
