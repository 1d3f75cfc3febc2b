package org.tributary.rtsp.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.Rule;
import org.junit.Test;
import org.tributary.api.DigestAlgorithm;
import org.tributary.rtsp.internal.auth.DigestMath;

/** 401 challenges, Digest and Basic logins, and the principal kept by the session, through the whole pipeline. */
public class RtspAuthenticationTest {

    private static final String URL = "rtsp://h/private/movie.mp4";
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

    @Rule
    public final EmbeddedRtspServer server = new EmbeddedRtspServer();

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Answers the MD5 challenge the way ffmpeg does (qop=auth). */
    private static String digest(String challenge, String method, String uri, String password, int nc) {
        return digest("alice", challenge, method, uri, password, nc);
    }

    private static String digest(String user, String challenge, String method, String uri, String password, int nc) {
        Matcher m = NONCE.matcher(challenge);
        assertTrue(challenge, m.find());
        String nonce = m.group(1);
        String ncText = String.format("%08x", nc);
        String ha1 = DigestMath.ha1(DigestAlgorithm.MD5, user, FakeAccess.REALM, password);
        String response = DigestMath.response(DigestAlgorithm.MD5, ha1, nonce, ncText, "c0ffee", "auth",
                DigestMath.ha2(DigestAlgorithm.MD5, method, uri));
        return "Digest username=\"" + user + "\", realm=\"" + FakeAccess.REALM + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=MD5, qop=auth, nc=" + ncText + ", cnonce=\"c0ffee\"";
    }

    private String describe(String authorization) {
        return server.send("DESCRIBE " + URL + " RTSP/1.0\r\nCSeq: 1\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n");
    }

    private String challengeFor(String algorithm) {
        List<String> challenges = EmbeddedRtspServer.headers(describe(null), "WWW-Authenticate");
        return challenges.stream().filter(c -> c.contains("algorithm=" + algorithm)).findFirst().orElseThrow();
    }

    @Test
    public void withoutCredentialsTheAnswerIs401WithDigestAndBasicChallenges() {
        String response = describe(null);
        assertEquals("RTSP/1.0 401 Unauthorized", EmbeddedRtspServer.status(response));
        List<String> challenges = EmbeddedRtspServer.headers(response, "WWW-Authenticate");
        assertEquals(response, 3, challenges.size());
        assertTrue(challenges.get(0), challenges.get(0).startsWith("Digest realm=\"Test\"") && challenges.get(0).contains("SHA-256"));
        assertTrue(challenges.get(1), challenges.get(1).contains("algorithm=MD5") && challenges.get(1).contains("qop=\"auth\""));
        assertTrue(challenges.get(2), challenges.get(2).startsWith("Basic realm=\"Test\""));
        assertEquals("public paths need nothing", "RTSP/1.0 200 OK",
                EmbeddedRtspServer.status(server.send("DESCRIBE rtsp://h/movie.mp4 RTSP/1.0\r\nCSeq: 2\r\n\r\n")));
    }

    @Test
    public void basicAndDigestLoginsOpenThePrivatePath() {
        assertEquals("RTSP/1.0 200 OK", EmbeddedRtspServer.status(describe(basic("alice", "secret"))));
        String challenge = challengeFor("MD5");
        assertEquals("RTSP/1.0 200 OK",
                EmbeddedRtspServer.status(describe(digest(challenge, "DESCRIBE", URL, "secret", 1))));
    }

    @Test
    public void wrongPasswordsAre401AfterADelayAndCounted() {
        assertEquals("the answer to a wrong password is not immediate", "", describe(basic("alice", "guess")));
        String late = awaitOutput();
        assertEquals("RTSP/1.0 401 Unauthorized", EmbeddedRtspServer.status(late));
        String challenge = challengeFor("MD5");
        describe(digest(challenge, "DESCRIBE", URL, "guess", 1));
        assertEquals("RTSP/1.0 401 Unauthorized", EmbeddedRtspServer.status(awaitOutput()));
        assertEquals(2, server.access.failedLogins);
    }

    @Test
    public void aDigestLoginNoRealmCanCheckSaysWhyInTheReasonPhrase() {
        describe(digest("karaf", challengeFor("MD5"), "DESCRIBE", URL, "karaf", 1));
        assertEquals("RTSP/1.0 401 Unauthorized (no Digest password for this user; Karaf users log in with Basic)",
                EmbeddedRtspServer.status(awaitOutput()));
        assertEquals(1, server.access.failedLogins);
    }

    private String awaitOutput() {
        StringBuilder out = new StringBuilder();
        await().atMost(Duration.ofSeconds(5)).until(() -> out.append(server.output()).length() > 0);
        return out.toString();
    }

    @Test
    public void replayedDigestIsRefused() {
        String answer = digest(challengeFor("MD5"), "DESCRIBE", URL, "secret", 1);
        assertEquals("RTSP/1.0 200 OK", EmbeddedRtspServer.status(describe(answer)));
        describe(answer);
        assertEquals("RTSP/1.0 401 Unauthorized", EmbeddedRtspServer.status(awaitOutput()));
    }

    @Test
    public void malformedAuthorizationIs400() {
        for (String bad : List.of("Digest", "Bearer abc", "Basic !!!", "Digest username=\"alice", "Basic "
                + Base64.getEncoder().encodeToString(("u".repeat(300) + ":p").getBytes(StandardCharsets.UTF_8)))) {
            assertEquals(bad, "RTSP/1.0 400 Bad Request", EmbeddedRtspServer.status(describe(bad)));
        }
    }

    @Test
    public void theSessionKeepsItsUserAndEveryRequestIsChecked() {
        String setup = server.send("SETUP " + URL + "/trackID=1 RTSP/1.0\r\nCSeq: 2\r\nAuthorization: "
                + basic("alice", "secret") + "\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n");
        assertEquals(setup, "RTSP/1.0 200 OK", EmbeddedRtspServer.status(setup));
        String session = EmbeddedRtspServer.headers(setup, "Session").get(0).split(";")[0];
        String play = server.send("PLAY " + URL + " RTSP/1.0\r\nCSeq: 3\r\nSession: " + session + "\r\n\r\n");
        assertEquals("the session's user plays without sending credentials again", "RTSP/1.0 200 OK",
                EmbeddedRtspServer.status(play));
        String foreign = server.send("SETUP " + URL + "/trackID=1 RTSP/1.0\r\nCSeq: 4\r\n"
                + "Transport: RTP/AVP/TCP;unicast;interleaved=2-3\r\n\r\n");
        assertEquals("a new session without credentials is challenged", "RTSP/1.0 401 Unauthorized",
                EmbeddedRtspServer.status(foreign));
    }

    @Test
    public void aLoggedInSessionIsOnlyItsOwners() {
        String setup = server.send("SETUP " + URL + "/trackID=1 RTSP/1.0\r\nCSeq: 2\r\nAuthorization: "
                + basic("alice", "secret") + "\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n");
        String session = "Session: " + EmbeddedRtspServer.headers(setup, "Session").get(0).split(";")[0] + "\r\n";
        EmbeddedChannel elsewhere = server.connectFrom("127.0.0.2", 40000);
        for (String method : List.of("PLAY", "PAUSE", "GET_PARAMETER", "SET_PARAMETER", "TEARDOWN")) {
            for (String login : List.of("", "Authorization: " + basic("alice", "secret") + "\r\n")) {
                assertEquals(method + " from another address " + login, "RTSP/1.0 454 Session Not Found",
                        EmbeddedRtspServer.status(EmbeddedRtspServer.send(elsewhere,
                                method + " " + URL + " RTSP/1.0\r\nCSeq: 5\r\n" + session + login + "\r\n")));
            }
        }
        assertEquals("SETUP into it from another address", "RTSP/1.0 454 Session Not Found",
                EmbeddedRtspServer.status(EmbeddedRtspServer.send(elsewhere, "SETUP " + URL + "/trackID=2 RTSP/1.0\r\n"
                        + "CSeq: 6\r\n" + session + "Transport: RTP/AVP;unicast;client_port=5000-5001\r\n\r\n")));
        EmbeddedChannel sameHost = server.connectFrom("127.0.0.1", 40001);
        assertEquals("another connection of its address, without credentials", "RTSP/1.0 454 Session Not Found",
                EmbeddedRtspServer.status(EmbeddedRtspServer.send(sameHost,
                        "GET_PARAMETER " + URL + " RTSP/1.0\r\nCSeq: 7\r\n" + session + "\r\n")));
        assertEquals("another connection of its address, logged in as its user", "RTSP/1.0 200 OK",
                EmbeddedRtspServer.status(EmbeddedRtspServer.send(sameHost, "GET_PARAMETER " + URL
                        + " RTSP/1.0\r\nCSeq: 8\r\n" + session + "Authorization: " + basic("alice", "secret")
                        + "\r\n\r\n")));
        assertEquals("its own connection needs no credentials", "RTSP/1.0 200 OK",
                EmbeddedRtspServer.status(server.send("PLAY " + URL + " RTSP/1.0\r\nCSeq: 9\r\n" + session + "\r\n")));
        elsewhere.finishAndReleaseAll();
        sameHost.finishAndReleaseAll();
    }

    @Test
    public void answersKeepRequestOrderBehindADelayedRefusal() {
        String pipelined = "DESCRIBE " + URL + " RTSP/1.0\r\nCSeq: 1\r\nAuthorization: " + basic("alice", "guess")
                + "\r\n\r\nOPTIONS * RTSP/1.0\r\nCSeq: 2\r\n\r\n";
        assertEquals("nothing overtakes the delayed 401", "", server.send(pipelined));
        String both = awaitOutput();
        assertTrue(both, both.startsWith("RTSP/1.0 401 Unauthorized"));
        assertTrue(both, both.indexOf("CSeq: 1\r\n") < both.indexOf("RTSP/1.0 200 OK"));
        assertTrue(both, both.indexOf("RTSP/1.0 200 OK") < both.indexOf("CSeq: 2\r\n"));
    }

    @Test
    public void pathsThatClimbOutAre404BeforeAnyChallenge() {
        for (String path : List.of("/../private/movie.mp4", "/private/../../etc/passwd", "/%2e%2e/private/movie.mp4")) {
            assertEquals(path, "RTSP/1.0 404 Not Found", EmbeddedRtspServer.status(
                    server.send("DESCRIBE rtsp://h" + path + " RTSP/1.0\r\nCSeq: 1\r\n\r\n")));
        }
    }
}
