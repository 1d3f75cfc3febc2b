package org.tributary.security;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.Test;

/**
 * The published vectors of RFC 7616 §3.9.1 (MD5 and SHA-256, qop=auth), RFC 2617 §3.5, the RFC 2069 form
 * without qop, and the -sess and auth-int forms (no RFC vector: cross-checked with Python's hashlib).
 */
public class DigestHashTest {

    static final String USER = "Mufasa";
    static final String REALM = "http-auth@example.org";
    static final String PASSWORD = "Circle of Life";
    static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
    static final String URI = "/dir/index.html";

    @Test
    public void rfc7616Md5Example() {
        String ha1 = DigestHash.MD5.ha1(USER, REALM, PASSWORD);
        String ha2 = DigestHash.MD5.ha2("GET", URI);
        assertEquals("3d78807defe7de2157e2b0b6573a855f", ha1);
        assertEquals("39aff3a2bab6126f332b942af96d3366", ha2);
        assertEquals("8ca523f5e9506fed4657c9700eebdbec",
                DigestHash.MD5.response(ha1, NONCE, "00000001", CNONCE, "auth", ha2));
    }

    @Test
    public void rfc7616Sha256Example() {
        String ha1 = DigestHash.SHA_256.ha1(USER, REALM, PASSWORD);
        String ha2 = DigestHash.SHA_256.ha2("GET", URI);
        assertEquals("7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232", ha1);
        assertEquals("9a3fdae9a622fe8de177c24fa9c070f2b181ec85e15dcbdc32e10c82ad450b04", ha2);
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
                DigestHash.SHA_256.response(ha1, NONCE, "00000001", CNONCE, "auth", ha2));
    }

    @Test
    public void rfc2617Example() {
        String ha1 = DigestHash.MD5.ha1(USER, "testrealm@host.com", "Circle Of Life");
        assertEquals("6629fae49393a05397450978507c4ef1", DigestHash.MD5.response(ha1,
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth", DigestHash.MD5.ha2("GET", URI)));
    }

    @Test
    public void rfc2069ResponseWithoutQop() {
        String ha1 = DigestHash.MD5.ha1(USER, "testrealm@host.com", "CircleOfLife");
        assertEquals("1949323746fe6a43ef61f9606e7febea", DigestHash.MD5.responseWithoutQop(ha1,
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", DigestHash.MD5.ha2("GET", URI)));
    }

    @Test
    public void sessVariantsHashTheNonceAndCnonceIntoHa1() {
        DigestHash md5 = DigestHash.of("md5-SESS");
        assertSame(DigestHash.MD5_SESS, md5);
        String ha1 = md5.sessionHa1(md5.ha1(USER, REALM, PASSWORD), NONCE, CNONCE);
        assertEquals("2b3d906f52651c3136e1502b3d6f38ee", ha1);
        assertEquals("e783283f46242139c486a698fec7211d",
                md5.response(ha1, NONCE, "00000001", CNONCE, "auth", md5.ha2("GET", URI)));

        DigestHash sha = DigestHash.of("SHA-256-sess");
        String shaHa1 = sha.sessionHa1(sha.ha1(USER, REALM, PASSWORD), NONCE, CNONCE);
        assertEquals("bca21f4c7d7e8bf70d96361085370c7d219947abc1b8cd628f710917b89bed5b", shaHa1);
        assertEquals("2fd51b3a77ad75bad6afad6003e818d767133c46d9e2749e7f5232ae1ea3efd7",
                sha.response(shaHa1, NONCE, "00000001", CNONCE, "auth", sha.ha2("GET", URI)));
        assertEquals("not -sess: HA1 unchanged", "abc", DigestHash.SHA_256.sessionHa1("abc", NONCE, CNONCE));
    }

    @Test
    public void authIntHashesTheBodyIntoHa2() {
        byte[] body = "v=1".getBytes(StandardCharsets.UTF_8);
        String md5Ha2 = DigestHash.MD5.ha2("POST", URI, body);
        assertEquals("d3971c42d53539ed4c70e2e1205f1e58", md5Ha2);
        assertEquals("beb71ce784d939e8a8030380ddf6b456", DigestHash.MD5.response(
                DigestHash.MD5.ha1(USER, REALM, PASSWORD), NONCE, "00000001", CNONCE, "auth-int", md5Ha2));
        assertEquals("e51a5b6db4d29fd54e95f45ff2f174d3434eddbf9e20fa90fe2fc0a3da658da9",
                DigestHash.SHA_256.ha2("POST", URI, body));
    }

    @Test
    public void charPasswordsGiveTheSameHa1AsStringsAndStayUntouched() {
        char[] password = "pässwörd€\uD83D\uDE00".toCharArray();
        char[] copy = password.clone();
        for (DigestHash hash : new DigestHash[] {DigestHash.MD5, DigestHash.SHA_256}) {
            assertEquals(hash.ha1("bob", "r", new String(password)), hash.ha1("bob", "r", password));
            assertEquals(hash.hash("bob:r:"), hash.ha1("bob", "r", new char[0]));
        }
        assertArrayEquals(copy, password);
        assertEquals(DigestHash.MD5.ha1(USER, REALM, PASSWORD), DigestHash.MD5.ha1(USER, REALM, PASSWORD.toCharArray()));
    }

    @Test
    public void algorithmTokens() {
        assertSame(DigestHash.MD5, DigestHash.of("MD5"));
        assertSame(DigestHash.SHA_256, DigestHash.of("sha-256"));
        assertEquals("SHA-256-sess", DigestHash.SHA_256_SESS.token());
        assertTrue(DigestHash.MD5_SESS.session());
        assertFalse(DigestHash.MD5.session());
        for (String bad : new String[] {"", "SHA-512-256", "SHA256", "MD5 ", "md4", null}) {
            assertThrows(bad, IllegalArgumentException.class, () -> DigestHash.of(bad));
        }
        assertEquals(32, DigestHash.MD5.hexLength());
        assertEquals(64, DigestHash.SHA_256_SESS.hexLength());
        assertEquals(64, DigestHash.SHA_256.hash("").length());
    }

    @Test
    public void comparisonsAndHexChecks() {
        assertTrue(DigestHash.matches("abc", "abc"));
        assertFalse(DigestHash.matches("abc", "abd"));
        assertFalse(DigestHash.matches("abc", "abcd"));
        assertFalse(DigestHash.matches("", ""));
        assertFalse(DigestHash.matches("abc", null));
        assertFalse(DigestHash.matches(null, "abc"));
        assertTrue(DigestHash.isHex("0123456789abcdefABCDEF"));
        assertFalse(DigestHash.isHex(""));
        assertFalse(DigestHash.isHex(null));
        assertFalse(DigestHash.isHex("12g4"));
        assertFalse(DigestHash.isHex("\u0661\u0662")); // Arabic-Indic digits are digits, not hex
    }
}
