package org.tributary.security;

/**
 * An {@code Authorization} or {@code WWW-Authenticate} value that cannot be parsed, or uses a
 * feature the reader does not support: a server answers 400 Bad Request, a client gives up on the
 * challenge. Wrong credentials are never reported this way. The message names the cause and never
 * holds a password.
 */
public final class MalformedAuthorizationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message the cause, naming the offending parameter */
    public MalformedAuthorizationException(String message) {
        super(message);
    }
}
