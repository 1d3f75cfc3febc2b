package org.tributary.rtsp.internal;

/** A request the {@link RtspAuthorizer} did not let through; carries what to answer. */
final class AccessRefused extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient RtspAuthorizer.Outcome outcome;

    AccessRefused(RtspAuthorizer.Outcome outcome) {
        super(outcome.status().toString(), null, false, false);
        this.outcome = outcome;
    }

    RtspAuthorizer.Outcome outcome() {
        return outcome;
    }
}
