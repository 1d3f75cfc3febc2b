package org.tributary.auth.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import org.tributary.api.DigestAlgorithm;

/**
 * The Digest HA1 of RFC 7616, {@code H(user ":" realm ":" password)} in lower-case hex, computed
 * without ever turning the password into a String.
 */
public final class DigestHa1 {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private DigestHa1() {
    }

    /**
     * @param algorithm the hash
     * @param user      the user name
     * @param realm     the realm name
     * @param password  the password; left as it was (the caller clears it)
     * @return the lower-case hex HA1
     */
    public static String of(DigestAlgorithm algorithm, String user, String realm, char[] password) {
        MessageDigest digest = newDigest(algorithm);
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
            return hex(digest.digest());
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
    }

    /**
     * Compares a computed HA1 with a stored one in time independent of where they differ.
     *
     * @return true when both are present and equal
     */
    public static boolean matches(String computed, String stored) {
        if (computed == null || stored == null || stored.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                stored.getBytes(StandardCharsets.US_ASCII));
    }

    /** @return the number of hex digits of an HA1 of this algorithm (32 for MD5, 64 for SHA-256) */
    public static int hexLength(DigestAlgorithm algorithm) {
        return newDigest(algorithm).getDigestLength() * 2;
    }

    /** @return true when the text is made of ASCII hex digits only (either case) and not empty */
    public static boolean isHex(String text) {
        if (text.isEmpty()) {
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

    private static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }

    private static MessageDigest newDigest(DigestAlgorithm algorithm) {
        try {
            return MessageDigest.getInstance(algorithm.javaName());
        } catch (NoSuchAlgorithmException e) {
            // every Java runtime must provide MD5 and SHA-256
            throw new IllegalStateException("no " + algorithm.javaName() + " in this Java runtime", e);
        }
    }
}
