package org.tributary.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The Digest access authentication hashes of RFC 2617 and RFC 7616 §3.4, in lower-case hex over
 * the UTF-8 bytes of their input, for MD5 and SHA-256 and their {@code -sess} variants:
 * <ul>
 * <li>{@code H(A1) = H(user ":" realm ":" password)}, and for {@code -sess}
 *     {@code H(H(user ":" realm ":" password) ":" nonce ":" cnonce)};</li>
 * <li>{@code H(A2) = H(method ":" uri)} ({@code qop=auth} or none), or
 *     {@code H(method ":" uri ":" H(body))} ({@code qop=auth-int});</li>
 * <li>the response {@code H(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" HA2)}, or
 *     {@code H(HA1 ":" nonce ":" HA2)} without qop (RFC 2069).</li>
 * </ul>
 * Servers and clients alike compute with this class; nonces are not its business.
 */
public final class DigestHash {

    /** MD5, the RFC 2617 default. */
    public static final DigestHash MD5 = new DigestHash("MD5", "MD5", false);
    /** SHA-256, RFC 7616's recommended algorithm. */
    public static final DigestHash SHA_256 = new DigestHash("SHA-256", "SHA-256", false);
    /** MD5-sess. */
    public static final DigestHash MD5_SESS = new DigestHash("MD5-sess", "MD5", true);
    /** SHA-256-sess. */
    public static final DigestHash SHA_256_SESS = new DigestHash("SHA-256-sess", "SHA-256", true);

    private static final DigestHash[] ALL = {MD5, SHA_256, MD5_SESS, SHA_256_SESS};

    private final String token;
    private final String javaName;
    private final boolean session;

    private DigestHash(String token, String javaName, boolean session) {
        this.token = token;
        this.javaName = javaName;
        this.session = session;
    }

    /**
     * @param token an {@code algorithm=} value of a challenge or answer (any case), or a
     *              {@link MessageDigest} name ({@code MD5}, {@code SHA-256})
     * @return the hash it names
     * @throws IllegalArgumentException when it names no supported algorithm
     */
    public static DigestHash of(String token) {
        for (DigestHash hash : ALL) {
            if (hash.token.equalsIgnoreCase(token)) {
                return hash;
            }
        }
        throw new IllegalArgumentException("unsupported Digest algorithm " + String.valueOf(token)
                .toLowerCase(Locale.ROOT));
    }

    /** @return the {@code algorithm=} token, such as {@code SHA-256-sess} */
    public String token() {
        return token;
    }

    /** @return true for a {@code -sess} algorithm, whose HA1 takes the nonce and cnonce in */
    public boolean session() {
        return session;
    }

    /** @return the number of hex digits of every hash of this algorithm (32 for MD5, 64 for SHA-256) */
    public int hexLength() {
        return newDigest().getDigestLength() * 2;
    }

    /** @return {@code H(data)} */
    public String hash(String data) {
        return HexFormat.of().formatHex(newDigest().digest(data.getBytes(StandardCharsets.UTF_8)));
    }

    /** @return {@code H(user ":" realm ":" password)}, the HA1 a realm stores (never the -sess form) */
    public String ha1(String user, String realm, String password) {
        return hash(user + ":" + realm + ":" + password);
    }

    /**
     * Like {@link #ha1(String, String, String)} without turning the password into a String.
     *
     * @param password left as it was (the caller clears it)
     */
    public String ha1(String user, String realm, char[] password) {
        MessageDigest digest = newDigest();
        digest.update((user + ":" + realm + ":").getBytes(StandardCharsets.UTF_8));
        // UTF-8 takes at most 3 bytes per char (a surrogate pair: 4 bytes for 2 chars)
        byte[] passwordBytes = new byte[password.length * 3];
        try {
            ByteBuffer out = ByteBuffer.wrap(passwordBytes);
            CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            encoder.encode(CharBuffer.wrap(password), out, true);
            encoder.flush(out);
            digest.update(passwordBytes, 0, out.position());
            return HexFormat.of().formatHex(digest.digest());
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
    }

    /**
     * @param storedHa1 {@code H(user ":" realm ":" password)}
     * @return the HA1 a response is computed with: the stored one, or for {@code -sess}
     *         {@code H(storedHa1 ":" nonce ":" cnonce)}
     */
    public String sessionHa1(String storedHa1, String nonce, String cnonce) {
        return session ? hash(storedHa1 + ":" + nonce + ":" + cnonce) : storedHa1;
    }

    /** @return {@code H(method ":" uri)}, for qop=auth or no qop */
    public String ha2(String method, String uri) {
        return hash(method + ":" + uri);
    }

    /** @return {@code H(method ":" uri ":" H(body))}, for qop=auth-int */
    public String ha2(String method, String uri, byte[] body) {
        return hash(method + ":" + uri + ":" + HexFormat.of().formatHex(newDigest().digest(body)));
    }

    /** @return the qop response {@code H(ha1 ":" nonce ":" nc ":" cnonce ":" qop ":" ha2)} */
    public String response(String ha1, String nonce, String nc, String cnonce, String qop, String ha2) {
        return hash(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    /** @return the RFC 2069 response without qop, {@code H(ha1 ":" nonce ":" ha2)} */
    public String responseWithoutQop(String ha1, String nonce, String ha2) {
        return hash(ha1 + ":" + nonce + ":" + ha2);
    }

    /**
     * Compares two hashes in time independent of where they differ.
     *
     * @return true when both are present, not empty and equal
     */
    public static boolean matches(String computed, String expected) {
        if (computed == null || expected == null || expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                expected.getBytes(StandardCharsets.US_ASCII));
    }

    /** @return true when the text is made of ASCII hex digits only (either case) and not empty */
    public static boolean isHex(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return token;
    }

    private MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(javaName);
        } catch (NoSuchAlgorithmException e) {
            // every Java runtime must provide MD5 and SHA-256
            throw new IllegalStateException("no " + javaName + " in this Java runtime", e);
        }
    }
}
