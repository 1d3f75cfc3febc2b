package org.tributary.rtsp.internal.auth;

import org.tributary.api.DigestAlgorithm;
import org.tributary.security.DigestHash;

/**
 * The Digest hashes of RFC 7616 §3.4.1–3.4.3 for the API's {@link DigestAlgorithm}s: a thin
 * mapping onto {@link DigestHash}, the one place they are computed.
 */
public final class DigestMath {

    private DigestMath() {
    }

    /** @return the hash the algorithm names */
    public static DigestHash of(DigestAlgorithm algorithm) {
        return algorithm == DigestAlgorithm.MD5 ? DigestHash.MD5 : DigestHash.SHA_256;
    }

    /** @return {@code H(data)} as lower-case hex */
    public static String hash(DigestAlgorithm algorithm, String data) {
        return of(algorithm).hash(data);
    }

    /** @return the number of hex digits {@link #hash} gives for the algorithm */
    public static int hexLength(DigestAlgorithm algorithm) {
        return of(algorithm).hexLength();
    }

    /** @return {@code HA1 = H(user ":" realm ":" password)} */
    public static String ha1(DigestAlgorithm algorithm, String user, String realm, String password) {
        return of(algorithm).ha1(user, realm, password);
    }

    /** @return {@code HA2 = H(method ":" uri)} (qop=auth or none) */
    public static String ha2(DigestAlgorithm algorithm, String method, String uri) {
        return of(algorithm).ha2(method, uri);
    }

    /** @return the qop=auth response {@code H(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" HA2)} */
    public static String response(DigestAlgorithm algorithm, String ha1, String nonce, String nc, String cnonce,
            String qop, String ha2) {
        return of(algorithm).response(ha1, nonce, nc, cnonce, qop, ha2);
    }

    /** @return the RFC 2069 response without qop, {@code H(HA1 ":" nonce ":" HA2)} */
    public static String responseWithoutQop(DigestAlgorithm algorithm, String ha1, String nonce, String ha2) {
        return of(algorithm).responseWithoutQop(ha1, nonce, ha2);
    }
}
