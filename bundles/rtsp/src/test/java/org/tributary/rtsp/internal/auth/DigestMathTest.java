package org.tributary.rtsp.internal.auth;

import org.junit.Test;
import org.tributary.api.DigestAlgorithm;
import org.tributary.security.DigestHash;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

/**
 * The mapping of the API's algorithms onto {@link DigestHash} (whose tests hold the RFC vectors), with the
 * RFC 7616 §3.9.1 example once through it.
 */
public class DigestMathTest {

    static final String USER = "Mufasa";
    static final String REALM = "http-auth@example.org";
    static final String PASSWORD = "Circle of Life";
    static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
    static final String OPAQUE = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
    static final String URI = "/dir/index.html";
    static final String MD5_RESPONSE = "8ca523f5e9506fed4657c9700eebdbec";
    static final String SHA256_RESPONSE = "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1";

    @Test
    public void mapsEachApiAlgorithm() {
        assertSame(DigestHash.MD5, DigestMath.of(DigestAlgorithm.MD5));
        assertSame(DigestHash.SHA_256, DigestMath.of(DigestAlgorithm.SHA_256));
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            assertEquals(algorithm.token(), DigestMath.of(algorithm).token());
        }
    }

    @Test
    public void rfc7616Examples() {
        assertEquals(MD5_RESPONSE, response(DigestAlgorithm.MD5));
        assertEquals(SHA256_RESPONSE, response(DigestAlgorithm.SHA_256));
        assertEquals(32, DigestMath.hexLength(DigestAlgorithm.MD5));
        assertEquals(64, DigestMath.hexLength(DigestAlgorithm.SHA_256));
    }

    private static String response(DigestAlgorithm algorithm) {
        String ha1 = DigestMath.ha1(algorithm, USER, REALM, PASSWORD);
        return DigestMath.response(algorithm, ha1, NONCE, "00000001", CNONCE, "auth",
                DigestMath.ha2(algorithm, "GET", URI));
    }
}
