package org.tributary.rtsp.internal.auth;

import org.junit.Test;
import org.tributary.api.DigestAlgorithm;

import static org.junit.Assert.assertEquals;

/** The published example vectors of RFC 7616 §3.9.1 and RFC 2617 §3.5. */
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
    public void rfc7616Md5Example() {
        String ha1 = DigestMath.ha1(DigestAlgorithm.MD5, USER, REALM, PASSWORD);
        String ha2 = DigestMath.ha2(DigestAlgorithm.MD5, "GET", URI);
        assertEquals("3d78807defe7de2157e2b0b6573a855f", ha1);
        assertEquals("39aff3a2bab6126f332b942af96d3366", ha2);
        assertEquals(MD5_RESPONSE,
                DigestMath.response(DigestAlgorithm.MD5, ha1, NONCE, "00000001", CNONCE, "auth", ha2));
    }

    @Test
    public void rfc7616Sha256Example() {
        String ha1 = DigestMath.ha1(DigestAlgorithm.SHA_256, USER, REALM, PASSWORD);
        String ha2 = DigestMath.ha2(DigestAlgorithm.SHA_256, "GET", URI);
        assertEquals("7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232", ha1);
        assertEquals("9a3fdae9a622fe8de177c24fa9c070f2b181ec85e15dcbdc32e10c82ad450b04", ha2);
        assertEquals(SHA256_RESPONSE,
                DigestMath.response(DigestAlgorithm.SHA_256, ha1, NONCE, "00000001", CNONCE, "auth", ha2));
    }

    @Test
    public void rfc2617Example() {
        String ha1 = DigestMath.ha1(DigestAlgorithm.MD5, USER, "testrealm@host.com", "Circle Of Life");
        String ha2 = DigestMath.ha2(DigestAlgorithm.MD5, "GET", URI);
        assertEquals("6629fae49393a05397450978507c4ef1", DigestMath.response(DigestAlgorithm.MD5, ha1,
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth", ha2));
    }

    /** The RFC 2069 form (no qop); value cross-checked with Python's hashlib. */
    @Test
    public void responseWithoutQop() {
        String ha1 = DigestMath.ha1(DigestAlgorithm.MD5, USER, "testrealm@host.com", "CircleOfLife");
        String ha2 = DigestMath.ha2(DigestAlgorithm.MD5, "GET", URI);
        assertEquals("1949323746fe6a43ef61f9606e7febea", DigestMath.responseWithoutQop(DigestAlgorithm.MD5, ha1,
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", ha2));
    }

    @Test
    public void hexLengths() {
        assertEquals(32, DigestMath.hexLength(DigestAlgorithm.MD5));
        assertEquals(64, DigestMath.hexLength(DigestAlgorithm.SHA_256));
        assertEquals(64, DigestMath.hash(DigestAlgorithm.SHA_256, "").length());
    }
}
