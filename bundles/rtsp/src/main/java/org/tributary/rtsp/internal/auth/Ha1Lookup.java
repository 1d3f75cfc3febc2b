package org.tributary.rtsp.internal.auth;

import org.tributary.api.DigestAlgorithm;

import java.util.Optional;

/** Where the verifier gets a user's HA1; {@code AccessService::digestHa1} fits. */
@FunctionalInterface
public interface Ha1Lookup {

    /**
     * @param user      the user name from the credentials; untrusted
     * @param realm     the realm the credentials name (already checked to be the server's)
     * @param algorithm the algorithm the client used
     * @return the lower-case hex {@code H(user:realm:password)}, or empty when unknown
     */
    Optional<String> ha1(String user, String realm, DigestAlgorithm algorithm);
}
