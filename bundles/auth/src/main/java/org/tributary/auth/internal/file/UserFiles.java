package org.tributary.auth.internal.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.auth.internal.BoundedFiles;
import org.tributary.security.DigestHash;

/**
 * The users file and the groups file of a realm: reading them into a {@link UserDatabase}, and
 * changing them by read, modify, atomic replace, so that edits an admin made meanwhile survive.
 * Not thread-safe: the realm serializes writes.
 */
final class UserFiles {

    private static final Logger LOG = LoggerFactory.getLogger(UserFiles.class);

    private final Path usersFile;
    private final Path groupsFile;
    private final String defaultRealm;

    /**
     * @param defaultRealm the realm when the users file has no {@code realm} line (or does not exist)
     */
    UserFiles(Path usersFile, Path groupsFile, String defaultRealm) {
        this.usersFile = usersFile.toAbsolutePath().normalize();
        this.groupsFile = groupsFile.toAbsolutePath().normalize();
        this.defaultRealm = defaultRealm;
    }

    List<Path> paths() {
        return List.of(usersFile, groupsFile);
    }

    Path usersFile() {
        return usersFile;
    }

    /**
     * Reads both files, logging every skipped line. A file that cannot be read counts as empty:
     * losing users denies access, which is safer than keeping users an admin may have removed.
     */
    UserDatabase load() {
        QtUsersFile users;
        QtGroupsFile groups;
        try {
            users = QtUsersFile.read(usersFile);
        } catch (IOException e) {
            LOG.error("Cannot read the users file {}, no user can log in until it is fixed: {}", usersFile,
                    e.toString());
            users = QtUsersFile.parse(usersFile.toString(), "");
        }
        try {
            groups = QtGroupsFile.read(groupsFile);
        } catch (IOException e) {
            LOG.error("Cannot read the groups file {}, users have no groups until it is fixed: {}", groupsFile,
                    e.toString());
            groups = QtGroupsFile.parse(groupsFile.toString(), "");
        }
        users.problems().forEach(problem -> LOG.warn("Skipping {}", problem));
        groups.problems().forEach(problem -> LOG.warn("Skipping {}", problem));
        return UserDatabase.of(users.realm().orElse(defaultRealm), users, groups);
    }

    /** Stores a user's MD5 and SHA-256 HA1, computed with the file's realm; never the password. */
    void setPassword(String user, char[] password) {
        QtUsersFile current = readUsers();
        String realm = current.realm().orElse(defaultRealm);
        QtUser entry = new QtUser(user, "", DigestHash.MD5.ha1(user, realm, password),
                DigestHash.SHA_256.ha1(user, realm, password));
        write(usersFile, current.withUser(entry).format(defaultRealm));
    }

    /** @return true when the users file had the user; it leaves the groups in any case */
    boolean removeUser(String user) {
        QtUsersFile current = readUsers();
        boolean existed = current.users().containsKey(user);
        QtUsersFile changed = current.withoutUser(user);
        if (!changed.format(defaultRealm).equals(current.format(defaultRealm))) {
            write(usersFile, changed.format(defaultRealm));
        }
        changeGroups(groups -> groups.values().forEach(members -> members.remove(user)));
        return existed;
    }

    /**
     * Changes the groups: the change gets a mutable copy of every group with its members.
     *
     * @return true when the groups changed (and the file was written)
     */
    boolean changeGroups(Consumer<Map<String, Set<String>>> change) {
        QtGroupsFile current;
        try {
            current = QtGroupsFile.read(groupsFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + groupsFile + ": " + e.getMessage(), e);
        }
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        current.groups().forEach((group, members) -> groups.put(group, new LinkedHashSet<>(members)));
        change.accept(groups);
        if (groups.equals(current.groups())) {
            return false;
        }
        write(groupsFile, current.withGroups(groups).format());
        return true;
    }

    private QtUsersFile readUsers() {
        try {
            return QtUsersFile.read(usersFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + usersFile + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text) {
        try {
            BoundedFiles.replaceText(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
