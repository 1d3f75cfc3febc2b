package org.tributary.webconsole.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * An HTTP Basic {@code Authorization} header's user and password (RFC 7617, UTF-8).
 *
 * @param user     the user name
 * @param password the password; clear it after use
 */
public record BasicCredentials(String user, char[] password) {

    private static final int MAX_HEADER = 4096;

    /**
     * @param header the {@code Authorization} header, or null
     * @return its credentials, or empty when it is missing, not Basic or malformed
     */
    public static Optional<BasicCredentials> parse(String header) {
        if (header == null || header.length() > MAX_HEADER || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray()));
    }
}
