package org.tributary.rtsp.internal.auth;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.tributary.security.AuthParamSyntax;
import org.tributary.security.MalformedAuthorizationException;

/**
 * Basic credentials (RFC 7617): {@code base64(user ":" password)}, decoded as strict UTF-8 and
 * split at the first ':' (a password may hold ':', a user name cannot). The password stays a
 * {@code char[]} and never becomes a String, so {@link #clear()} really removes it.
 */
public final class BasicCredentials implements AuthorizationHeader {

    /** Longest user name accepted, in UTF-8 bytes. */
    public static final int MAX_USER_BYTES = 255;

    private final String user;
    private final char[] password;

    private BasicCredentials(String user, char[] password) {
        this.user = user;
        this.password = password;
    }

    /**
     * @param realm the realm named in the challenge; printable ASCII
     * @return the {@code WWW-Authenticate} value {@code Basic realm="R", charset="UTF-8"}
     * @throws IllegalArgumentException when the realm is empty, too long or not printable ASCII
     */
    public static String challenge(String realm) {
        return "Basic realm=" + AuthParamSyntax.quote(AuthParamSyntax.challengeRealm(realm)) + ", charset=\"UTF-8\"";
    }

    /** Parses the {@code token68} after {@code Basic }. */
    static BasicCredentials parse(String token68) throws MalformedAuthorizationException {
        if (token68.isEmpty()) {
            throw new MalformedAuthorizationException("Basic credentials are empty");
        }
        byte[] octets = decodeBase64(token68);
        CharBuffer chars = null;
        try {
            chars = AuthParamSyntax.utf8(octets, "Basic user:password");
            return split(chars);
        } finally {
            Arrays.fill(octets, (byte) 0);
            if (chars != null && chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
        }
    }

    private static byte[] decodeBase64(String token68) throws MalformedAuthorizationException {
        byte[] octets;
        try {
            octets = Base64.getDecoder().decode(token68);
        } catch (IllegalArgumentException e) {
            throw new MalformedAuthorizationException("Basic credentials are not base64: " + e.getMessage());
        }
        // The JDK decoder accepts missing padding and stray low bits; only the canonical form is taken.
        if (!Base64.getEncoder().encodeToString(octets).equals(token68)) {
            Arrays.fill(octets, (byte) 0);
            throw new MalformedAuthorizationException("Basic credentials are not canonical padded base64");
        }
        return octets;
    }

    private static BasicCredentials split(CharBuffer chars) throws MalformedAuthorizationException {
        int colon = -1;
        for (int i = 0; i < chars.length() && colon < 0; i++) {
            if (chars.charAt(i) == ':') {
                colon = i;
            }
        }
        if (colon < 0) {
            throw new MalformedAuthorizationException("Basic credentials have no ':' between user and password");
        }
        String user = chars.subSequence(0, colon).toString();
        if (user.isEmpty()) {
            throw new MalformedAuthorizationException("Basic user name is empty");
        }
        int userBytes = user.getBytes(StandardCharsets.UTF_8).length;
        if (userBytes > MAX_USER_BYTES) {
            throw new MalformedAuthorizationException("Basic user name of " + userBytes + " bytes exceeds "
                    + MAX_USER_BYTES);
        }
        CharSequence password = chars.subSequence(colon + 1, chars.length());
        if (AuthParamSyntax.hasControl(user) || AuthParamSyntax.hasControl(password)) {
            throw new MalformedAuthorizationException("Basic user name or password holds a control character");
        }
        char[] copy = new char[password.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = password.charAt(i);
        }
        return new BasicCredentials(user, copy);
    }

    /** @return the user name: 1 to {@value #MAX_USER_BYTES} UTF-8 bytes, no ':' and no control character */
    public String user() {
        return user;
    }

    /**
     * @return a copy of the password (possibly empty, may hold ':'); the caller clears the copy
     *         after use, as {@code AccessService.authenticate} expects
     */
    public char[] password() {
        return password.clone();
    }

    /** Overwrites the password held here; call it once the credentials were checked. */
    public void clear() {
        Arrays.fill(password, '\0');
    }

    /** Names the user, never the password. */
    @Override
    public String toString() {
        return "Basic user=" + user;
    }
}
