package org.tributary.shell.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.tributary.api.UserStore;

/** An in-memory users file realm that records the passwords it was given and the arrays they came in. */
public class FakeUserStore implements UserStore {

    private final String realm;
    /** user → password as received (a copy, before the caller cleared the array). */
    public final Map<String, String> passwords = new TreeMap<>();
    public final Map<String, Set<String>> groups = new TreeMap<>();
    /** The arrays setPassword received, to check the caller cleared them. */
    public final List<char[]> passedArrays = new ArrayList<>();

    public FakeUserStore(String realm) {
        this.realm = realm;
    }

    /** Adds a user with a password and groups, for setting up a test. */
    public FakeUserStore with(String user, String... groupNames) {
        passwords.put(user, "old");
        for (String group : groupNames) {
            groups.computeIfAbsent(group, g -> new TreeSet<>()).add(user);
        }
        return this;
    }

    @Override
    public String realmName() {
        return realm;
    }

    @Override
    public List<String> users() {
        return new ArrayList<>(passwords.keySet());
    }

    @Override
    public Set<String> groupsOf(String user) {
        Set<String> result = new TreeSet<>();
        groups.forEach((group, members) -> {
            if (members.contains(user)) {
                result.add(group);
            }
        });
        return result;
    }

    @Override
    public Map<String, Set<String>> groups() {
        return new TreeMap<>(groups);
    }

    @Override
    public void setPassword(String user, char[] password) {
        if (user.contains(":")) {
            throw new IllegalArgumentException("a user name cannot hold ':': " + user);
        }
        passedArrays.add(password);
        passwords.put(user, new String(password));
    }

    @Override
    public boolean removeUser(String user) {
        groups.values().forEach(members -> members.remove(user));
        return passwords.remove(user) != null;
    }

    @Override
    public void addToGroup(String group, Set<String> users) {
        groups.computeIfAbsent(group, g -> new TreeSet<>()).addAll(users);
    }

    @Override
    public boolean removeFromGroup(String group, String user) {
        Set<String> members = groups.get(group);
        return members != null && members.remove(user);
    }

    @Override
    public boolean removeGroup(String group) {
        return groups.remove(group) != null;
    }

    /** @return true when every array setPassword received is all zeros now */
    public boolean passedArraysCleared() {
        return passedArrays.stream().allMatch(a -> Arrays.equals(a, new char[a.length]));
    }
}
