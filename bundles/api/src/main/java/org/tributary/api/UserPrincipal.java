package org.tributary.api;

import java.util.Objects;
import java.util.Set;

/**
 * A user a realm vouched for.
 *
 * @param name   the user name
 * @param realm  the name of the realm that authenticated it
 * @param groups the groups it belongs to in that realm (never null)
 */
public record UserPrincipal(String name, String realm, Set<String> groups) {

    /** Copies the groups and checks the fields. */
    public UserPrincipal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(realm, "realm");
        groups = Set.copyOf(groups);
    }
}
