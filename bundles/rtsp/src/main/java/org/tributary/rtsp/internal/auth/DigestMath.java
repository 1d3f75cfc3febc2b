package org.tributary.rtsp.internal.auth;

import org.tributary.api.DigestAlgorithm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Digest hashes of RFC 7616 §3.4.1–3.4.3, as lower-case hex over the UTF-8 bytes of their
 * input: {@code HA1 = H(user:realm:password)}, {@code HA2 = H(method:uri)} and the response
 * {@code H(HA1:nonce:nc:cnonce:qop:HA2)}, or {@code H(HA1:nonce:HA2)} without qop (RFC 2069).
 */
public final class DigestMath {

    private DigestMath() {
    }

    /** @return {@code H(data)} as lower-case hex */
    public static String hash(DigestAlgorithm algorithm, String data) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm.javaName());
            return HexFormat.of().formatHex(digest.digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm.javaName(), e);
        }
    }

    /** @return the number of hex digits {@link #hash} gives for the algorithm */
    public static int hexLength(DigestAlgorithm algorithm) {
        return algorithm == DigestAlgorithm.MD5 ? 32 : 64;
    }

    /** @return {@code HA1 = H(user ":" realm ":" password)} */
    public static String ha1(DigestAlgorithm algorithm, String user, String realm, String password) {
        return hash(algorithm, user + ":" + realm + ":" + password);
    }

    /** @return {@code HA2 = H(method ":" uri)} (qop=auth or none) */
    public static String ha2(DigestAlgorithm algorithm, String method, String uri) {
        return hash(algorithm, method + ":" + uri);
    }

    /** @return the qop=auth response {@code H(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" HA2)} */
    public static String response(DigestAlgorithm algorithm, String ha1, String nonce, String nc, String cnonce,
            String qop, String ha2) {
        return hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    /** @return the RFC 2069 response without qop, {@code H(HA1 ":" nonce ":" HA2)} */
    public static String responseWithoutQop(DigestAlgorithm algorithm, String ha1, String nonce, String ha2) {
        return hash(algorithm, ha1 + ":" + nonce + ":" + ha2);
    }
}
