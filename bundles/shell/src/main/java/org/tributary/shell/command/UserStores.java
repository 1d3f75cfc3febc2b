package org.tributary.shell.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.support.CommandException;
import org.tributary.api.UserStore;

/** Picks the users file realms ({@link UserStore} services) a command works on. */
final class UserStores {

    static final String NONE_RUNNING = "no users file realm is running";

    private UserStores() {
    }

    /**
     * @param stores the injected services; null or empty while no users file realm runs
     * @return the stores sorted by realm name, never empty
     * @throws CommandException when no store is running
     */
    static List<UserStore> all(List<UserStore> stores) throws CommandException {
        if (stores == null || stores.isEmpty()) {
            throw new CommandException(NONE_RUNNING);
        }
        List<UserStore> sorted = new ArrayList<>(stores);
        sorted.sort(Comparator.comparing(UserStore::realmName));
        return sorted;
    }

    /**
     * @param stores the injected services
     * @param realm  the realm the user asked for, or null to take the only running one
     * @return the store of that realm
     * @throws CommandException when none runs, when the realm is unknown, or when several run and none was named
     */
    static UserStore pick(List<UserStore> stores, String realm) throws CommandException {
        List<UserStore> running = all(stores);
        if (realm == null) {
            if (running.size() == 1) {
                return running.get(0);
            }
            throw new CommandException("several users file realms are running (" + names(running)
                    + "): choose one with --realm");
        }
        for (UserStore store : running) {
            if (store.realmName().equals(realm)) {
                return store;
            }
        }
        throw new CommandException("no users file realm named " + realm + " (running: " + names(running) + ")");
    }

    /** Turns a store's refusal of a name (':' or control characters, too long) into a message for the console. */
    static CommandException refused(IllegalArgumentException e) {
        return new CommandException(e.getMessage(), e);
    }

    private static String names(List<UserStore> stores) {
        return stores.stream().map(UserStore::realmName).collect(Collectors.joining(", "));
    }
}
