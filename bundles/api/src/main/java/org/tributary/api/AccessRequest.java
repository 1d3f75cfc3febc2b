package org.tributary.api;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Who wants to do what with which path.
 *
 * @param user   the authenticated user, or empty for an anonymous request
 * @param client the client's address
 * @param path   the decoded request path, starting with '/'
 * @param mode   read (watch) or write (publish)
 */
public record AccessRequest(Optional<UserPrincipal> user, InetAddress client, String path, AccessMode mode) {

    /** Checks the fields. */
    public AccessRequest {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(mode, "mode");
    }
}
