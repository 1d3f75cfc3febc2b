package org.tributary.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Management of a realm's users and groups (the users file realm implements it; JAAS realms are
 * managed by Karaf). Passwords are stored only as Digest hashes.
 */
public interface UserStore {

    /** @return the name of the realm this store manages */
    String realmName();

    /** @return the user names, sorted */
    List<String> users();

    /** @return the groups of a user (empty when unknown) */
    Set<String> groupsOf(String user);

    /** @return every group with its members */
    Map<String, Set<String>> groups();

    /**
     * Adds a user or changes its password.
     *
     * @param password cleared by the caller afterwards; stored only as MD5 and SHA-256 HA1
     * @throws IllegalArgumentException for a name the users file cannot hold (':' or control characters, too long)
     */
    void setPassword(String user, char[] password);

    /** @return true when the user existed and was removed (also from every group) */
    boolean removeUser(String user);

    /** Adds members to a group, creating it. */
    void addToGroup(String group, Set<String> users);

    /** @return true when the user was a member and was removed */
    boolean removeFromGroup(String group, String user);

    /** @return true when the group existed and was removed */
    boolean removeGroup(String group);
}
