package org.tributary.core.internal.review;

import java.util.Properties;

/**
 * Whether {@code etc/users.properties} still holds the administrator the distribution ships:
 * {@code karaf = karaf,_g_:admingroup} (user {@code karaf}, password {@code karaf}).
 */
final class ShippedAdmin {

    /** The shipped user name, which is also its password. */
    static final String USER = "karaf";

    /** What the users file says of the shipped administrator. */
    enum State {
        /** The user exists with the shipped password. */
        UNCHANGED,
        /** The user is gone or its password differs. */
        CHANGED,
        /** The password is hashed in a way that cannot be checked here. */
        UNKNOWN
    }

    private ShippedAdmin() {
    }

    /**
     * @param users      the users file as Karaf reads it ({@code user = password,role,...})
     * @param encryption how the realm stores passwords
     * @return whether user {@code karaf} still logs in with password {@code karaf}
     */
    static State of(Properties users, KarafEncryption encryption) {
        String entry = users.getProperty(USER);
        if (entry == null) {
            return State.CHANGED;
        }
        int comma = entry.indexOf(',');
        String password = (comma < 0 ? entry : entry.substring(0, comma)).strip();
        if (encryption.hashed(password)) {
            return encryption.hashOf(password, USER).map(same -> same ? State.UNCHANGED : State.CHANGED)
                    .orElse(State.UNKNOWN);
        }
        return USER.equals(password) ? State.UNCHANGED : State.CHANGED;
    }
}
