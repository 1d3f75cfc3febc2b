package org.tributary.auth.internal.file;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable snapshot of the users and groups files, swapped whole when a file changes so
 * that readers never see half an update.
 *
 * @param realm        the realm the HA1 hashes belong to
 * @param users        the valid users by name
 * @param groups       every group with its members, sorted
 * @param groupsByUser every user's groups, sorted
 */
record UserDatabase(String realm, Map<String, QtUser> users, Map<String, Set<String>> groups,
        Map<String, Set<String>> groupsByUser) {

    /** @return the snapshot of a users file and a groups file */
    static UserDatabase of(String realm, QtUsersFile usersFile, QtGroupsFile groupsFile) {
        Map<String, Set<String>> groups = new TreeMap<>();
        Map<String, Set<String>> byUser = new TreeMap<>();
        groupsFile.groups().forEach((group, members) -> {
            groups.put(group, Collections.unmodifiableSet(new TreeSet<>(members)));
            for (String member : members) {
                byUser.computeIfAbsent(member, m -> new TreeSet<>()).add(group);
            }
        });
        byUser.replaceAll((user, userGroups) -> Collections.unmodifiableSet(userGroups));
        return new UserDatabase(realm, Map.copyOf(usersFile.users()), Collections.unmodifiableMap(groups),
                Collections.unmodifiableMap(byUser));
    }

    /** @return the groups of a user, empty when it has none */
    Set<String> groupsOf(String user) {
        return groupsByUser.getOrDefault(user, Set.of());
    }
}
