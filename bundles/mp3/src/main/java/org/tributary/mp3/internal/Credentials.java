package org.tributary.mp3.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * HTTP Basic credentials as MP3 sources and admin tools send them.
 *
 * @param user     the user name
 * @param password the password
 */
record Credentials(String user, String password) {

    /** The longest Authorization header value read. */
    static final int MAX_HEADER = 1024;

    /** @return the credentials of a {@code Basic} Authorization header, or null when absent or malformed */
    static Credentials parse(String authorization) {
        if (authorization == null || authorization.length() > MAX_HEADER
                || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /**
     * @return whether these are {@code user}'s with {@code expected} as password; never when none is set.
     *         The comparison takes the same time whatever the passwords (their digests are compared).
     */
    boolean match(String expectedUser, String expected) {
        boolean same = MessageDigest.isEqual(digest(password), digest(expected));
        return !expected.isEmpty() && expectedUser.equals(user) && same;
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + "]";
    }
}
