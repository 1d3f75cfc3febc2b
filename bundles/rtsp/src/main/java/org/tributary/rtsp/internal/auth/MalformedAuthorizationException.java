package org.tributary.rtsp.internal.auth;

/**
 * An Authorization header that cannot be parsed or uses a feature this server does not support:
 * the server answers 400 Bad Request. Wrong credentials are never reported this way (they are a
 * {@link DigestVerification} or an empty realm answer, and get 401). The message names the cause
 * and never holds a password.
 */
public final class MalformedAuthorizationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message the cause, naming the offending parameter */
    public MalformedAuthorizationException(String message) {
        super(message);
    }
}
