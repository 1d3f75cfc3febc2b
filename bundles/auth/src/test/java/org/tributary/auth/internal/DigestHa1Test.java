package org.tributary.auth.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.junit.Test;
import org.tributary.api.DigestAlgorithm;

/** HA1 against RFC 7616's own example (section 3.9.1) and the md5sum/sha256sum of the same text. */
public class DigestHa1Test {

    private static final String USER = "Mufasa";
    private static final String REALM = "http-auth@example.org";
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    @Test
    public void ha1OfTheRfcExampleMatchesMd5sumAndSha256sum() {
        // printf 'Mufasa:http-auth@example.org:Circle of Life' | md5sum (and sha256sum)
        assertEquals("3d78807defe7de2157e2b0b6573a855f",
                DigestHa1.of(DigestAlgorithm.MD5, USER, REALM, "Circle of Life".toCharArray()));
        assertEquals("7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232",
                DigestHa1.of(DigestAlgorithm.SHA_256, USER, REALM, "Circle of Life".toCharArray()));
    }

    @Test
    public void ha1GivesTheRfcExampleResponses() throws Exception {
        assertEquals("8ca523f5e9506fed4657c9700eebdbec", response(DigestAlgorithm.MD5));
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
                response(DigestAlgorithm.SHA_256));
    }

    /** RFC 7616 3.4.1 with qop=auth: KD(HA1, nonce:nc:cnonce:qop:H(method:uri)). */
    private static String response(DigestAlgorithm algorithm) throws Exception {
        String ha1 = DigestHa1.of(algorithm, USER, REALM, "Circle of Life".toCharArray());
        String ha2 = hex(algorithm, "GET:/dir/index.html");
        return hex(algorithm, ha1 + ":" + NONCE + ":00000001:" + CNONCE + ":auth:" + ha2);
    }

    private static String hex(DigestAlgorithm algorithm, String text) throws Exception {
        byte[] digest = MessageDigest.getInstance(algorithm.javaName()).digest(text.getBytes(StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        for (byte b : digest) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }

    @Test
    public void passwordIsEncodedAsUtf8AndLeftUntouched() throws Exception {
        char[] password = "pässwörd€\uD83D\uDE00".toCharArray();
        char[] copy = password.clone();
        String expected = hex(DigestAlgorithm.MD5, "bob:r:pässwörd€\uD83D\uDE00");
        assertEquals(expected, DigestHa1.of(DigestAlgorithm.MD5, "bob", "r", password));
        assertArrayEquals(copy, password);
        assertEquals(hex(DigestAlgorithm.SHA_256, "bob:r:"),
                DigestHa1.of(DigestAlgorithm.SHA_256, "bob", "r", new char[0]));
    }

    @Test
    public void matchesComparesWholeValues() {
        assertTrue(DigestHa1.matches("abc", "abc"));
        assertFalse(DigestHa1.matches("abc", "abd"));
        assertFalse(DigestHa1.matches("abc", "abcd"));
        assertFalse(DigestHa1.matches("", ""));
        assertFalse(DigestHa1.matches("abc", null));
    }

    @Test
    public void hexChecksAndLengths() {
        assertTrue(DigestHa1.isHex("0123456789abcdefABCDEF"));
        assertFalse(DigestHa1.isHex(""));
        assertFalse(DigestHa1.isHex("12g4"));
        assertFalse(DigestHa1.isHex("\u0661\u0662")); // Arabic-Indic digits are digits, not hex
        assertEquals(32, DigestHa1.hexLength(DigestAlgorithm.MD5));
        assertEquals(64, DigestHa1.hexLength(DigestAlgorithm.SHA_256));
    }
}
