package org.tributary.rtsp.internal.auth;

import org.junit.Test;
import org.tributary.api.DigestAlgorithm;
import org.tributary.security.MalformedAuthorizationException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

public class DigestAuthenticatorTest {

    private static final String REALM = "Tributary";
    private static final InetAddress CLIENT = InetAddress.getLoopbackAddress();
    private static final InetAddress OTHER_CLIENT = otherLoopback();
    private static final String URI = "rtsp://127.0.0.1:8554/private/sample.mp4";
    private static final Map<String, String> PASSWORDS = Map.of("alice", "secret", "bob", "p:w");

    /** A realm that only answers for its own name, as {@code AuthRealm.digestHa1} does. */
    private static final Ha1Lookup HA1S = (user, realm, algorithm) -> REALM.equals(realm)
            ? Optional.ofNullable(PASSWORDS.get(user)).map(p -> DigestMath.ha1(algorithm, user, realm, p))
            : Optional.empty();

    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final DigestAuthenticator server = authenticator(DigestOptions.defaults());
    private final TestDigestClient alice = new TestDigestClient("alice", "secret");

    private static InetAddress otherLoopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private DigestAuthenticator authenticator(DigestOptions options) {
        return new DigestAuthenticator(options, clock::get, new SecureRandom());
    }

    private DigestVerification verify(DigestAuthenticator authenticator, String header, String method, String uri)
            throws MalformedAuthorizationException {
        return authenticator.verify((DigestCredentials) AuthorizationHeader.parse(header), method, uri, REALM, HA1S, CLIENT);
    }

    private DigestVerification verify(String header) throws MalformedAuthorizationException {
        return verify(server, header, "DESCRIBE", URI);
    }

    private static void assertFailed(DigestVerification result, String reason) {
        assertFailed(result, DigestVerification.Status.FAILED, reason);
    }

    private static void assertFailed(DigestVerification result, DigestVerification.Status status, String reason) {
        assertEquals(result.reason(), status, result.status());
        assertTrue("\"" + result.reason() + "\" should name \"" + reason + "\"", result.reason().contains(reason));
        assertEquals(Optional.empty(), result.user());
    }

    private static void assertOk(DigestVerification result, String user) {
        assertEquals(result.reason(), DigestVerification.Status.OK, result.status());
        assertEquals(Optional.of(user), result.user());
        assertTrue(result.isOk());
    }

    private String sha256Challenge() {
        return server.challenges(REALM, false, CLIENT).get(0);
    }

    private String md5Challenge() {
        return server.challenges(REALM, false, CLIENT).get(1);
    }

    @Test
    public void challengesOfferSha256ThenMd5WithOneNonce() throws Exception {
        List<String> challenges = server.challenges(REALM, false, CLIENT);
        assertEquals(2, challenges.size());
        assertTrue(challenges.get(0), challenges.get(0).matches("Digest realm=\"Tributary\", qop=\"auth\", "
                + "algorithm=SHA-256, nonce=\"[A-Za-z0-9_-]{54}\", opaque=\"[A-Za-z0-9_-]{22}\""));
        assertTrue(challenges.get(1), challenges.get(1).startsWith("Digest realm=\"Tributary\", qop=\"auth\", "
                + "algorithm=MD5, nonce=\""));
        Map<String, String> first = TestDigestClient.challengeParameters(challenges.get(0));
        Map<String, String> second = TestDigestClient.challengeParameters(challenges.get(1));
        assertEquals(first.get("nonce"), second.get("nonce"));
        assertEquals(first.get("opaque"), second.get("opaque"));
        assertFalse(first.get("nonce").equals(
                TestDigestClient.challengeParameters(sha256Challenge()).get("nonce")));
        for (String stale : server.challenges(REALM, true, CLIENT)) {
            assertTrue(stale, stale.endsWith("\", stale=true"));
        }
        DigestAuthenticator md5Only = authenticator(new DigestOptions(List.of(DigestAlgorithm.MD5),
                Duration.ofMinutes(1), true, 10));
        assertEquals(1, md5Only.challenges(REALM, false, CLIENT).size());
    }

    @Test
    public void sha256RoundTrip() throws Exception {
        assertOk(verify(alice.answer(sha256Challenge(), "DESCRIBE", URI, 1)), "alice");
    }

    @Test
    public void md5RoundTrip() throws Exception {
        assertOk(verify(alice.answer(md5Challenge(), "DESCRIBE", URI, 1)), "alice");
    }

    /** GStreamer answers the last challenge's nonce in MD5 without qop or algorithm. */
    @Test
    public void withoutQopRoundTripOnEitherChallenge() throws Exception {
        assertOk(verify(alice.answerWithoutQop(md5Challenge(), "DESCRIBE", URI)), "alice");
        assertOk(verify(alice.answerWithoutQop(sha256Challenge(), "DESCRIBE", URI)), "alice");
    }

    @Test
    public void withoutQopRefusedWhenConfigured() throws Exception {
        DigestAuthenticator strict = authenticator(new DigestOptions(List.of(DigestAlgorithm.MD5),
                Duration.ofMinutes(5), false, 10));
        String header = alice.answerWithoutQop(strict.challenges(REALM, false, CLIENT).get(0), "DESCRIBE", URI);
        assertFailed(verify(strict, header, "DESCRIBE", URI), "without qop");
    }

    @Test
    public void wrongPasswordFails() throws Exception {
        TestDigestClient mallory = new TestDigestClient("alice", "guess");
        assertFailed(verify(mallory.answer(sha256Challenge(), "DESCRIBE", URI, 1)), "wrong response");
        assertFailed(verify(mallory.answerWithoutQop(md5Challenge(), "DESCRIBE", URI)), "wrong response");
    }

    @Test
    public void unknownUserFails() throws Exception {
        TestDigestClient nobody = new TestDigestClient("nobody", "secret");
        assertFailed(verify(nobody.answer(sha256Challenge(), "DESCRIBE", URI, 1)), DigestVerification.Status.NO_HA1,
                "no SHA-256 HA1 for user nobody");
    }

    @Test
    public void passwordWithColonWorks() throws Exception {
        assertOk(verify(new TestDigestClient("bob", "p:w").answer(md5Challenge(), "DESCRIBE", URI, 1)), "bob");
    }

    @Test
    public void foreignRealmFails() throws Exception {
        String challenge = sha256Challenge().replace("realm=\"Tributary\"", "realm=\"Elsewhere\"");
        assertFailed(verify(alice.answer(challenge, "DESCRIBE", URI, 1)), "realm \"Elsewhere\" is not \"Tributary\"");
    }

    @Test
    public void forgedNonceFails() throws Exception {
        String challenge = sha256Challenge();
        String nonce = TestDigestClient.challengeParameters(challenge).get("nonce");
        for (int index : new int[] {0, 10, 30, 39}) {
            byte[] bytes = Base64.getUrlDecoder().decode(nonce);
            bytes[index] ^= 1;
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            assertFailed(verify(alice.answer(challenge.replace(nonce, forged), "DESCRIBE", URI, 1)),
                    "nonce was not issued by this server");
        }
        assertFailed(verify(alice.answer(challenge.replace(nonce, "abc"), "DESCRIBE", URI, 1)), "not issued");
    }

    @Test
    public void nonceOfAnotherServerFails() throws Exception {
        DigestAuthenticator other = authenticator(DigestOptions.defaults());
        String challenge = other.challenges(REALM, false, CLIENT).get(0);
        String opaque = TestDigestClient.challengeParameters(challenge).get("opaque");
        String ours = TestDigestClient.challengeParameters(sha256Challenge()).get("opaque");
        assertOk(verify(other, alice.answer(challenge, "DESCRIBE", URI, 1), "DESCRIBE", URI), "alice");
        assertFailed(verify(alice.answer(challenge.replace(opaque, ours), "DESCRIBE", URI, 1)), "not issued");
        assertFailed(verify(alice.answer(challenge, "DESCRIBE", URI, 1)), "opaque");
    }

    @Test
    public void expiredNonceIsStaleOnlyWithTheRightPassword() throws Exception {
        String challenge = sha256Challenge();
        clock.addAndGet(Duration.ofMinutes(5).toMillis());
        assertOk(verify(alice.answer(challenge, "DESCRIBE", URI, 1)), "alice");
        clock.incrementAndGet();
        DigestVerification stale = verify(alice.answer(challenge, "DESCRIBE", URI, 2));
        assertEquals(DigestVerification.Status.STALE, stale.status());
        assertEquals(Optional.empty(), stale.user());
        assertFailed(verify(new TestDigestClient("alice", "guess").answer(challenge, "DESCRIBE", URI, 3)),
                "wrong response");
        assertEquals(DigestVerification.Status.STALE,
                verify(alice.answerWithoutQop(challenge, "DESCRIBE", URI)).status());
        assertOk(verify(alice.answer(server.challenges(REALM, true, CLIENT).get(0), "DESCRIBE", URI, 1)), "alice");
    }

    @Test
    public void replayedNonceCountFails() throws Exception {
        String challenge = md5Challenge();
        String first = alice.answer(challenge, "DESCRIBE", URI, 1);
        assertOk(verify(first), "alice");
        assertFailed(verify(first), "nc 1 replayed");
        assertOk(verify(server, alice.answer(challenge, "SETUP", URI, 2), "SETUP", URI), "alice");
        assertOk(verify(server, alice.answer(challenge, "PLAY", URI, 5), "PLAY", URI), "alice");
        assertFailed(verify(server, alice.answer(challenge, "PLAY", URI, 4), "PLAY", URI), "nc 4 replayed");
    }

    @Test
    public void answerWithoutQopIsAcceptedOncePerNonce() throws Exception {
        String challenge = md5Challenge();
        String header = alice.answerWithoutQop(challenge, "DESCRIBE", URI);
        assertOk(verify(header), "alice");
        DigestVerification again = verify(header);
        assertEquals(again.reason(), DigestVerification.Status.STALE, again.status());
        assertTrue(again.reason(), again.reason().contains("without qop used again"));
        assertEquals(DigestVerification.Status.STALE,
                verify(server, alice.answerWithoutQop(challenge, "SETUP", URI), "SETUP", URI).status());
        assertOk(verify(alice.answerWithoutQop(md5Challenge(), "DESCRIBE", URI)), "alice");
    }

    @Test
    public void answersAreUselessFromAnotherAddress() throws Exception {
        for (String header : List.of(alice.answerWithoutQop(md5Challenge(), "DESCRIBE", URI),
                alice.answer(md5Challenge(), "DESCRIBE", URI, 1), alice.answer(sha256Challenge(), "DESCRIBE", URI, 1))) {
            assertFailed(server.verify((DigestCredentials) AuthorizationHeader.parse(header), "DESCRIBE", URI, REALM,
                    HA1S, OTHER_CLIENT), "not issued by this server to 127.0.0.2");
            assertOk(verify(header), "alice");
        }
    }

    @Test
    public void algorithmMustBeOffered() throws Exception {
        DigestAuthenticator md5Only = authenticator(new DigestOptions(List.of(DigestAlgorithm.MD5),
                Duration.ofMinutes(5), true, 10));
        String challenge = md5Only.challenges(REALM, false, CLIENT).get(0).replace("algorithm=MD5", "algorithm=SHA-256");
        assertFailed(verify(md5Only, alice.answer(challenge, "DESCRIBE", URI, 1), "DESCRIBE", URI),
                "algorithm SHA-256 is not allowed");
    }

    @Test
    public void responseIsBoundToMethodAndUri() throws Exception {
        String challenge = md5Challenge();
        assertFailed(verify(server, alice.answer(challenge, "DESCRIBE", URI, 1), "SETUP", URI), "wrong response");
        assertFailed(verify(alice.answer(challenge, "DESCRIBE", "rtsp://127.0.0.1:8554/other.mp4", 2)),
                "is not the request URI");
    }

    @Test
    public void pathOnlyDigestUriMatchesAbsoluteRequestUri() throws Exception {
        String challenge = md5Challenge();
        assertOk(verify(alice.answer(challenge, "DESCRIBE", "/private/sample.mp4", 1)), "alice");
        assertOk(verify(server, alice.answer(challenge, "OPTIONS", URI, 2), "OPTIONS", "/private/sample.mp4"),
                "alice");
    }

    @Test
    public void sameTargetRules() {
        assertTrue(DigestAuthenticator.sameTarget("*", "*"));
        assertTrue(DigestAuthenticator.sameTarget("/a?x=1", "RTSP://h:554/a?x=1"));
        assertTrue(DigestAuthenticator.sameTarget("rtsp://h", "/"));
        assertFalse(DigestAuthenticator.sameTarget("/a", "/b"));
        assertFalse(DigestAuthenticator.sameTarget("rtsp://h/a", "rtsp://g/a"));
        assertFalse(DigestAuthenticator.sameTarget("/a", "rtsp://h/a/b"));
        assertFalse(DigestAuthenticator.sameTarget("a", "rtsp://h/a"));
    }

    @Test
    public void malformedHa1FromARealmFails() throws Exception {
        DigestVerification result = server.verify(
                (DigestCredentials) AuthorizationHeader.parse(alice.answer(md5Challenge(), "DESCRIBE", URI, 1)),
                "DESCRIBE", URI, REALM, (user, realm, algorithm) -> Optional.of("abc"), CLIENT);
        assertFailed(result, DigestVerification.Status.NO_HA1, "no MD5 HA1");
    }

    @Test
    public void upperCaseHa1IsAccepted() throws Exception {
        DigestVerification result = server.verify(
                (DigestCredentials) AuthorizationHeader.parse(alice.answer(md5Challenge(), "DESCRIBE", URI, 1)),
                "DESCRIBE", URI, REALM, (user, realm, algorithm) -> HA1S.ha1(user, realm, algorithm)
                        .map(String::toUpperCase), CLIENT);
        assertOk(result, "alice");
    }

    @Test(expected = IllegalArgumentException.class)
    public void challengeRealmMustBePrintableAscii() {
        server.challenges("R\u00e9alm", false, CLIENT);
    }
}
