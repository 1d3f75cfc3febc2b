package org.tributary.webconsole.internal.admin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The administrator the distribution ships in etc/users.properties, karaf with the password karaf: while
 * that password is unchanged it may log in from a loopback address only, on every management surface (the
 * web console, {@code /tributary/*}, SSH and JMX). A login with that password proves it is unchanged, so each
 * login path asks with the credentials it was given.
 */
public final class ShippedAdmin {

    /** The shipped user name; its password is the same word. */
    public static final String USER = "karaf";
    /** Why such a login is refused, for the client. */
    public static final String REFUSAL = "The default password of " + USER + " is unchanged: change it first "
            + "(jaas:user-add in the Karaf console, or etc/users.properties); until then this user may log in "
            + "from a loopback address only";
    private static final char[] PASSWORD = USER.toCharArray();

    private ShippedAdmin() {
    }

    /** @return true when these are the shipped credentials */
    public static boolean isShipped(String user, char[] password) {
        return USER.equals(user) && Arrays.equals(password, PASSWORD);
    }

    /**
     * @param user     the user name given
     * @param password the password given
     * @param client   the client's address, empty when unknown
     * @return true when the shipped credentials come from anywhere but a loopback address
     */
    public static boolean refused(String user, char[] password, Optional<InetAddress> client) {
        return isShipped(user, password) && !client.map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /** The client's address; only an address literal is taken, so that no name is ever looked up. */
    public static Optional<InetAddress> address(String literal) {
        if (literal == null || literal.isEmpty() || !literal.chars().allMatch(c -> Character.digit(c, 16) >= 0
                || c == '.' || c == ':')) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
