package org.tributary.source.live.internal.relay;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.tributary.security.AuthParamSyntax;
import org.tributary.security.DigestHash;

/** The relay's answers to an origin's challenges, read back with the parser the server uses for Authorization. */
public class OriginCredentialsTest {

    private static final String URI = "rtsp://origin/live/a";

    @Test
    public void readsEscapesInAChallengeAndQuotesThemBackInTheAnswer() throws Exception {
        OriginCredentials credentials = new OriginCredentials("bob \"the\" relay", "secret");
        credentials.challenge(List.of("Basic realm=\"x\"",
                "Digest realm=\"Stream \\\"A\\\", B\", nonce=\"n\\\\1\", qop=\"auth-int, auth\", opaque=op, algorithm=md5"));
        Map<String, String> answer = parameters(credentials.authorization("DESCRIBE", URI));
        assertEquals("bob \"the\" relay", answer.get("username"));
        assertEquals("Stream \"A\", B", answer.get("realm"));
        assertEquals("n\\1", answer.get("nonce"));
        assertEquals(URI, answer.get("uri"));
        assertEquals("op", answer.get("opaque"));
        assertEquals("auth", answer.get("qop"));
        assertEquals("00000001", answer.get("nc"));
        String ha1 = DigestHash.MD5.ha1("bob \"the\" relay", "Stream \"A\", B", "secret");
        assertEquals(DigestHash.MD5.response(ha1, "n\\1", "00000001", answer.get("cnonce"), "auth",
                DigestHash.MD5.ha2("DESCRIBE", URI)), answer.get("response"));
        assertEquals("00000002", parameters(credentials.authorization("SETUP", URI)).get("nc"));
    }

    @Test
    public void answersWithoutQopWhenTheOriginOffersNone() throws Exception {
        OriginCredentials credentials = new OriginCredentials("u", "p");
        credentials.challenge(List.of("  digest\trealm=r,nonce=abc,,"));
        Map<String, String> answer = parameters(credentials.authorization("PLAY", URI));
        assertNull(answer.get("qop"));
        assertEquals(DigestHash.MD5.responseWithoutQop(DigestHash.MD5.ha1("u", "r", "p"), "abc",
                DigestHash.MD5.ha2("PLAY", URI)), answer.get("response"));
    }

    @Test
    public void fallsBackToBasicWhenTheDigestChallengeIsBroken() throws Exception {
        OriginCredentials credentials = new OriginCredentials("u", "p");
        credentials.challenge(List.of("Digest realm=\"unterminated, nonce=x", "Basic realm=\"r\""));
        assertEquals("Basic dTpw", credentials.authorization("DESCRIBE", URI));
        assertNull(new OriginCredentials("u", "p").authorization("DESCRIBE", URI));
    }

    @Test
    public void refusesAMalformedDigestChallengeNamingIt() {
        for (String bad : new String[] {"Digest realm=\"unterminated, nonce=x", "Digest realm=r nonce=x",
                "Digest realm=r, realm=s, nonce=x", "Digest nonce=x", "Digest realm=r", "Digest =x, realm=r, nonce=n",
                "Digest realm=r, nonce=x\u0000", "Digest realm=r, nonce=" + "x".repeat(AuthParamSyntax.MAX_HEADER_LENGTH)}) {
            OriginException refused = assertThrows(bad, OriginException.class,
                    () -> new OriginCredentials("u", "p").challenge(List.of(bad)));
            assertTrue(refused.getMessage(), refused.getMessage().startsWith(
                    "origin sent a malformed WWW-Authenticate Digest challenge: "));
        }
    }

    @Test
    public void refusesOtherSchemesAndAlgorithms() {
        for (List<String> challenges : List.of(List.of("Bearer realm=r"), List.of("Digestive realm=r, nonce=n"),
                List.of("Digest realm=r, nonce=n, algorithm=SHA-256"), List.<String>of())) {
            OriginException refused = assertThrows(challenges.toString(), OriginException.class,
                    () -> new OriginCredentials("u", "p").challenge(challenges));
            assertTrue(refused.getMessage(), refused.getMessage().startsWith("origin asks for an authentication"));
        }
    }

    private static Map<String, String> parameters(String authorization) throws Exception {
        assertTrue(authorization, authorization.startsWith("Digest "));
        AuthParamSyntax.checkHeader(authorization);
        return AuthParamSyntax.parameters(authorization.substring("Digest ".length()));
    }
}
