package org.tributary.api;

import java.net.InetAddress;
import java.util.Optional;

/**
 * The one place protocol servers ask: who is this user, may this request go ahead, may this
 * address connect. It combines every {@link AuthRealm} and {@link AccessPolicy} with the
 * configured path rules, throttles failed logins per address and counts connections per address.
 */
public interface AccessService {

    /**
     * @param request who wants what
     * @return ALLOW, CHALLENGE (ask for credentials) or DENY, with the reason for the log
     */
    AccessDecision check(AccessRequest request);

    /**
     * Checks a user name and password (Basic) against every realm, in turn.
     *
     * @param client   the client's address, for throttling
     * @param user     the user name; untrusted
     * @param password the password; cleared by the caller afterwards
     * @return the user, or empty (wrong credentials, or the address is blocked)
     */
    Optional<UserPrincipal> authenticate(InetAddress client, String user, char[] password);

    /**
     * Finds the Digest HA1 of a user in the realms that hold one for {@code realm}.
     *
     * @return the lower-case hex HA1, or empty
     */
    Optional<String> digestHa1(String user, String realm, DigestAlgorithm algorithm);

    /**
     * Completes a Digest login: the protocol server verified the response against the HA1.
     *
     * @return the user with its groups, or empty when no realm knows it any more
     */
    Optional<UserPrincipal> digestLogin(InetAddress client, String user);

    /** Records a failed login from an address (wrong password, bad digest, unknown user). */
    void loginFailed(InetAddress client, String user);

    /** @return true while an address is blocked after too many failed logins */
    boolean blocked(InetAddress client);

    /** @return the realm name to put in challenges */
    String challengeRealm();

    /**
     * Admits a new connection from an address, counting it.
     *
     * @return false when the address already has its maximum of connections (the caller refuses it)
     */
    boolean connectionOpened(InetAddress client);

    /** Forgets a connection counted by {@link #connectionOpened}. */
    void connectionClosed(InetAddress client);
}
