package org.tributary.api;

import java.util.Objects;

/**
 * A policy's answer to an {@link AccessRequest}.
 *
 * @param verdict what the protocol server does
 * @param reason  why, for the log (never sent to the client)
 */
public record AccessDecision(Verdict verdict, String reason) {

    /** The three outcomes, in increasing severity: combining decisions keeps the most severe. */
    public enum Verdict {
        /** Nothing against it. */
        ALLOW,
        /** Allowed to a suitable user: ask the client for credentials (RTSP/HTTP 401). */
        CHALLENGE,
        /** Refused whoever asks (RTSP/HTTP 403). */
        DENY
    }

    /** Nothing against it. */
    public static final AccessDecision ALLOW = new AccessDecision(Verdict.ALLOW, "allowed");

    /** Checks the fields. */
    public AccessDecision {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return a challenge with its reason */
    public static AccessDecision challenge(String reason) {
        return new AccessDecision(Verdict.CHALLENGE, reason);
    }

    /** @return a denial with its reason */
    public static AccessDecision deny(String reason) {
        return new AccessDecision(Verdict.DENY, reason);
    }

    /** @return the more severe of this decision and another */
    public AccessDecision and(AccessDecision other) {
        return other.verdict.compareTo(verdict) > 0 ? other : this;
    }
}
