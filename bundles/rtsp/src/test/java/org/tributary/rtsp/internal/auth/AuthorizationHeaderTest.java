package org.tributary.rtsp.internal.auth;

import org.junit.Test;
import org.tributary.api.DigestAlgorithm;
import org.tributary.security.MalformedAuthorizationException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class AuthorizationHeaderTest {

    /** RFC 7616 §3.9.1, the SHA-256 answer, on one line. */
    static final String RFC_SHA256_HEADER = "Digest username=\"Mufasa\", realm=\"http-auth@example.org\","
            + " uri=\"/dir/index.html\", algorithm=SHA-256, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\","
            + " nc=00000001, cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", qop=auth,"
            + " response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\","
            + " opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";

    private static final String MINIMAL = "Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/a\", "
            + "response=\"0123456789abcdef0123456789abcdef\"";

    /** Header, expected message fragment. */
    private static final String[][] MALFORMED = {
        {"", "header is empty"},
        {"Digest", "Digest credentials have no parameters"},
        {"Digest   ", "Digest credentials have no parameters"},
        {"Basic", "Basic credentials are empty"},
        {"Bearer x", "scheme Bearer is not supported"},
        {"Negotiate", "scheme Negotiate is not supported"},
        {"Digest,username=\"u\"", "followed by ','"},
        {"=abc", "does not start with a scheme"},
        {"Digest " + "a=\"" + "x".repeat(10 * 1024) + "\"", "exceeds 4096"},
        {"Digest username=\"u\0\"", "U+0000"},
        {"Digest username=\"u\r\nX: y\"", "U+000D"},
        {"Digest username=\"\u20ac\"", "U+20AC"},
        {"Digest username=\"u, realm=\"r\"", "followed by 'r'"},
        {"Digest username=\"u", "unterminated quoted string"},
        {"Digest username=\"u\\", "unterminated quoted string"},
        {"Digest username", "username has no '='"},
        {"Digest username=", "username has no value"},
        {"Digest username=u realm=r", "followed by 'r'"},
        {"Digest username=\"a\", username=\"b\"", "username appears twice"},
        {"Digest USERNAME=\"a\", username=\"b\"", "username appears twice"},
        {"Digest realm=\"r\", nonce=\"n\", uri=\"/a\", response=\"0123456789abcdef0123456789abcdef\"",
            "lack the username"},
        {"Digest username=\"u\", nonce=\"n\", uri=\"/a\", response=\"0123456789abcdef0123456789abcdef\"",
            "lack the realm"},
        {"Digest username=\"u\", realm=\"r\", uri=\"/a\", response=\"0123456789abcdef0123456789abcdef\"",
            "lack the nonce"},
        {"Digest username=\"u\", realm=\"r\", nonce=\"n\", response=\"0123456789abcdef0123456789abcdef\"",
            "lack the uri"},
        {"Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/a\"", "lack the response"},
        {MINIMAL.replace("\"u\"", "\"" + "u".repeat(300) + "\""), "username of 300 bytes exceeds 255"},
        {MINIMAL.replace("\"u\"", "\"\""), "username is empty"},
        {MINIMAL.replace("\"u\"", "\"\u00ff\u00fe\""), "username is not valid UTF-8"},
        {MINIMAL.replace("\"u\"", "\"a\\\u0001\""), "U+0001"},
        {MINIMAL.replace("\"n\"", "\"" + "n".repeat(257) + "\""), "nonce \"nnnn"},
        {MINIMAL.replace("\"/a\"", "\"/a b\""), "uri \"/a b\" is empty or holds a space"},
        {MINIMAL.replace("\"/a\"", "\"/\u00e9\""), "non-ASCII"},
        {MINIMAL.replace("0123456789abcdef0123456789abcdef", "0123"), "not 32 hex digits as MD5"},
        {MINIMAL.replace("0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdeg"), "not 32 hex"},
        {MINIMAL + ", algorithm=SHA-256", "not 64 hex digits as SHA-256"},
        {MINIMAL + ", algorithm=MD5-sess", "algorithm MD5-sess is not supported"},
        {MINIMAL + ", algorithm=SHA-512-256", "algorithm SHA-512-256 is not supported"},
        {MINIMAL + ", userhash=true", "userhash=true is not supported"},
        {MINIMAL + ", qop=auth-int, nc=00000001, cnonce=\"c\"", "qop auth-int is not supported"},
        {MINIMAL + ", qop=auth, cnonce=\"c\"", "lack the nc"},
        {MINIMAL + ", qop=auth, nc=00000001", "lack the cnonce"},
        {MINIMAL + ", qop=auth, nc=1, cnonce=\"c\"", "nc \"1\" is not 8 hex digits"},
        {MINIMAL + ", qop=auth, nc=0000000g, cnonce=\"c\"", "not 8 hex digits"},
        {MINIMAL.replace("username=\"u\"", "username*=UTF-8''%c3%a9"), "username* (RFC 8187"},
        {"Basic !!!!", "not base64"},
        {"Basic dXA=", "no ':'"},
        {"Basic dTpwdw", "not canonical padded base64"},
        {"Basic dTpwdx==", "not canonical padded base64"},
        {"Basic " + b64("u:p") + " extra", "not base64"},
        {"Basic " + b64(":secret"), "user name is empty"},
        {"Basic " + b64("u".repeat(300) + ":p"), "300 bytes exceeds 255"},
        {"Basic " + b64("u\u0001:p"), "control character"},
        {"Basic " + b64("u:p\u007f"), "control character"},
        {"Basic " + Base64.getEncoder().encodeToString(new byte[] {'u', ':', (byte) 0xC3}), "not valid UTF-8"},
    };

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void parsesRfc7616Example() throws Exception {
        DigestCredentials digest = (DigestCredentials) AuthorizationHeader.parse(RFC_SHA256_HEADER);
        assertEquals("Mufasa", digest.username());
        assertEquals("http-auth@example.org", digest.realm());
        assertEquals("/dir/index.html", digest.uri());
        assertEquals(DigestAlgorithm.SHA_256, digest.algorithm());
        assertEquals(DigestMathTest.NONCE, digest.nonce());
        assertEquals(Optional.of(new DigestCredentials.QopAuth("00000001", DigestMathTest.CNONCE)), digest.qop());
        assertEquals(1, digest.qop().get().count());
        assertEquals(DigestMathTest.SHA256_RESPONSE, digest.response());
        assertEquals(Optional.of(DigestMathTest.OPAQUE), digest.opaque());
    }

    /** Exactly what ffmpeg 5.1 and GStreamer 1.22 sent to a test server. */
    @Test
    public void parsesWhatRealClientsSend() throws Exception {
        DigestCredentials ffmpeg = (DigestCredentials) AuthorizationHeader.parse("Digest username=\"alice\", "
                + "realm=\"R\", nonce=\"nmd5\", uri=\"rtsp://127.0.0.1:18554/x.mp4\", "
                + "response=\"218d250dc2819b0efd580ea183474c39\", algorithm=\"MD5\", opaque=\"o\", qop=\"auth\", "
                + "cnonce=\"d63076aca5360fa2\", nc=00000001");
        assertEquals(DigestAlgorithm.MD5, ffmpeg.algorithm());
        assertEquals("rtsp://127.0.0.1:18554/x.mp4", ffmpeg.uri());
        assertEquals("d63076aca5360fa2", ffmpeg.qop().get().cnonce());
        DigestCredentials gstreamer = (DigestCredentials) AuthorizationHeader.parse("Digest username=\"alice\", "
                + "realm=\"R\", nonce=\"nmd5\", uri=\"rtsp://127.0.0.1:18555/x.mp4\", "
                + "response=\"811b040eaeae6d4c4111104c5219cb11\", opaque=\"o\"");
        assertEquals(DigestAlgorithm.MD5, gstreamer.algorithm());
        assertEquals(Optional.empty(), gstreamer.qop());
    }

    @Test
    public void toleratesCaseBlanksEscapesEmptyElementsAndUnknownParameters() throws Exception {
        DigestCredentials digest = (DigestCredentials) AuthorizationHeader.parse(
                "  dIgEsT\tUserName = \"a\\\"b\\\\c\" ,,"
                + " realm=R , nonce=n, uri=\"/a\", RESPONSE=\"0123456789ABCDEF0123456789abcdef\", "
                + "algorithm=md5, charset=UTF-8, userhash=FALSE, future=\"x, y\" ,");
        assertEquals("a\"b\\c", digest.username());
        assertEquals("R", digest.realm());
        assertEquals("0123456789abcdef0123456789abcdef", digest.response());
        assertEquals(Optional.empty(), digest.opaque());
    }

    @Test
    public void decodesUtf8UserNameFromOctets() throws Exception {
        String octets = new String("j\u00fcrgen".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        DigestCredentials digest = (DigestCredentials) AuthorizationHeader.parse(MINIMAL.replace("\"u\"",
                "\"" + octets + "\""));
        assertEquals("j\u00fcrgen", digest.username());
    }

    @Test
    public void basicSplitsAtFirstColon() throws Exception {
        BasicCredentials basic = (BasicCredentials) AuthorizationHeader.parse("Basic " + b64("alice:se:cr:et"));
        assertEquals("alice", basic.user());
        assertArrayEquals("se:cr:et".toCharArray(), basic.password());
        basic.clear();
        assertArrayEquals(new char[8], basic.password());
    }

    @Test
    public void basicRfc7617ExampleAndUtf8() throws Exception {
        BasicCredentials basic = (BasicCredentials) AuthorizationHeader.parse("basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assertEquals("Aladdin", basic.user());
        assertArrayEquals("open sesame".toCharArray(), basic.password());
        assertEquals("Basic user=Aladdin", basic.toString());
        BasicCredentials utf8 = (BasicCredentials) AuthorizationHeader.parse("Basic dGVzdDoxMjPCow==");
        assertEquals("test", utf8.user());
        assertArrayEquals("123\u00a3".toCharArray(), utf8.password());
        BasicCredentials empty = (BasicCredentials) AuthorizationHeader.parse("Basic " + b64("bob:"));
        assertEquals(0, empty.password().length);
    }

    @Test
    public void malformedHeadersAreRejectedWithTheCause() {
        for (String[] row : MALFORMED) {
            MalformedAuthorizationException e = assertThrows(row[0], MalformedAuthorizationException.class,
                    () -> AuthorizationHeader.parse(row[0]));
            assertTrue("\"" + e.getMessage() + "\" should name \"" + row[1] + "\"", e.getMessage().contains(row[1]));
        }
    }

    @Test
    public void messagesNeverHoldThePassword() {
        for (String header : new String[] {"Basic " + b64("u\u0001:hunter2"), "Basic " + b64("u:hunter2\u0002")}) {
            MalformedAuthorizationException e = assertThrows(MalformedAuthorizationException.class,
                    () -> AuthorizationHeader.parse(header));
            assertTrue(e.getMessage(), !e.getMessage().contains("hunter2"));
        }
    }

    @Test
    public void basicChallengeQuotesTheRealm() {
        assertEquals("Basic realm=\"Streaming Server\", charset=\"UTF-8\"",
                BasicCredentials.challenge("Streaming Server"));
        assertEquals("Basic realm=\"a\\\"b\", charset=\"UTF-8\"", BasicCredentials.challenge("a\"b"));
        assertThrows(IllegalArgumentException.class, () -> BasicCredentials.challenge("caf\u00e9"));
        assertThrows(IllegalArgumentException.class, () -> BasicCredentials.challenge(""));
        assertThrows(IllegalArgumentException.class, () -> BasicCredentials.challenge("a\r\nb"));
    }
}
