package org.tributary.api;

import java.util.Optional;

/**
 * A source of users and groups (a users file, Karaf's JAAS realms, LDAP…), registered as an OSGi
 * service. Protocol servers never see passwords stored in a realm: Basic authentication hands the
 * password to {@link #authenticate}, Digest authentication asks for the HA1 hash.
 */
public interface AuthRealm {

    /** @return the realm's name; for Digest it is the {@code realm} the HA1 hashes were computed with */
    String name();

    /**
     * Checks a user name and password (HTTP Basic).
     *
     * @param user     the user name as the client sent it; untrusted
     * @param password the password; the caller clears the array afterwards
     * @return the user when the password is right, empty otherwise (unknown user, wrong password)
     */
    Optional<UserPrincipal> authenticate(String user, char[] password);

    /**
     * Gives the Digest HA1 of a user, {@code H(user ":" realm ":" password)}, for Digest authentication.
     *
     * @param user      the user name; untrusted
     * @param realm     the realm named in the challenge; a realm only answers for its own name
     * @param algorithm the hash algorithm
     * @return the lower-case hex HA1, or empty when the user is unknown or the realm cannot give it (JAAS)
     */
    Optional<String> digestHa1(String user, String realm, DigestAlgorithm algorithm);

    /**
     * Looks a user up without a password, after a protocol server verified a Digest response.
     *
     * @param user the user name
     * @return the user with its groups, or empty when unknown
     */
    Optional<UserPrincipal> lookup(String user);
}
