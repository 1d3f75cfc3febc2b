package org.tributary.itests.interop;

import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** The Digest answers of the hand-written requests, against the example of RFC 7616 section 3.9.1. */
public class DigestAnswerTest {

    private static final Login MUFASA = new Login("Mufasa", "Circle of Life");
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
    private static final String CHALLENGE_PARAMETERS = "realm=\"http-auth@example.org\", qop=\"auth, auth-int\", "
            + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", "
            + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";

    @Test
    public void md5ResponseMatchesTheRfcExample() {
        String header = DigestAnswer.authorization(MUFASA, "GET", "/dir/index.html",
                "Digest " + CHALLENGE_PARAMETERS + ", algorithm=MD5", CNONCE);
        assertTrue(header, header.contains("response=\"8ca523f5e9506fed4657c9700eebdbec\""));
        assertTrue(header, header.contains("opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\""));
        assertTrue(header, header.contains("nc=00000001") && header.contains("qop=auth,"));
    }

    @Test
    public void sha256ResponseMatchesTheRfcExample() {
        String header = DigestAnswer.authorization(MUFASA, "GET", "/dir/index.html",
                "Digest " + CHALLENGE_PARAMETERS + ", algorithm=SHA-256", CNONCE);
        assertTrue(header, header.contains(
                "response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\""));
    }

    @Test(expected = IllegalArgumentException.class)
    public void basicChallengeIsRefused() {
        DigestAnswer.authorization(MUFASA, "GET", "/", "Basic realm=\"x\"", CNONCE);
    }
}
