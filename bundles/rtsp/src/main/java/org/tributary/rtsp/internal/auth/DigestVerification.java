package org.tributary.rtsp.internal.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link DigestAuthenticator#verify} found: OK with the user, STALE (right credentials on an
 * expired nonce: re-challenge with {@code stale=true}, do not count a failed login) or FAILED
 * (answer 401 and count a failed login). The reason is for the log; it names no password.
 *
 * @param status the outcome
 * @param user   the verified user name, present only when OK
 * @param reason why, for the log
 */
public record DigestVerification(Status status, Optional<String> user, String reason) {

    /** The outcomes. */
    public enum Status {
        /** The response matches a fresh nonce. */
        OK,
        /** The response matches, but the nonce expired (or its counter was forgotten): challenge again. */
        STALE,
        /** Wrong credentials, foreign realm, forged or replayed nonce, wrong uri… */
        FAILED,
        /**
         * No realm gives the user's HA1: the user is unknown, or known only to a realm that checks
         * passwords but cannot check Digest answers (Karaf's JAAS realm). Answered like FAILED.
         */
        NO_HA1
    }

    /** Checks the fields. */
    public DigestVerification {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(reason, "reason");
    }

    static DigestVerification ok(String user) {
        return new DigestVerification(Status.OK, Optional.of(user), "verified " + user);
    }

    static DigestVerification stale(String reason) {
        return new DigestVerification(Status.STALE, Optional.empty(), reason);
    }

    static DigestVerification failed(String reason) {
        return new DigestVerification(Status.FAILED, Optional.empty(), reason);
    }

    static DigestVerification noHa1(String reason) {
        return new DigestVerification(Status.NO_HA1, Optional.empty(), reason);
    }

    /** @return true when the status is OK */
    public boolean isOk() {
        return status == Status.OK;
    }
}
