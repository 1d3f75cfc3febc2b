package org.tributary.rtsp.internal.auth;

import org.tributary.api.DigestAlgorithm;
import org.tributary.security.AuthParamSyntax;
import org.tributary.security.MalformedAuthorizationException;

import java.util.Map;

/** A hand-written Digest client: answers a challenge the way RFC 7616 says a client must. */
final class TestDigestClient {

    private final String user;
    private final String password;

    TestDigestClient(String user, String password) {
        this.user = user;
        this.password = password;
    }

    /** @return the parameters of one WWW-Authenticate value (without the scheme) */
    static Map<String, String> challengeParameters(String challenge) throws MalformedAuthorizationException {
        if (!challenge.startsWith("Digest ")) {
            throw new AssertionError("not a Digest challenge: " + challenge);
        }
        return AuthParamSyntax.parameters(challenge.substring("Digest ".length()));
    }

    /** Answers with qop=auth, as ffmpeg and RFC 7616 clients do. */
    String answer(String challenge, String method, String uri, int nc) throws MalformedAuthorizationException {
        Map<String, String> c = challengeParameters(challenge);
        DigestAlgorithm algorithm = algorithm(c.get("algorithm"));
        String ncText = String.format("%08x", nc);
        String cnonce = "0a4f113b";
        String ha1 = DigestMath.ha1(algorithm, user, c.get("realm"), password);
        String response = DigestMath.response(algorithm, ha1, c.get("nonce"), ncText, cnonce, "auth",
                DigestMath.ha2(algorithm, method, uri));
        return "Digest username=\"" + user + "\", realm=\"" + c.get("realm") + "\", nonce=\"" + c.get("nonce")
                + "\", uri=\"" + uri + "\", response=\"" + response + "\", algorithm=" + algorithm.token()
                + ", opaque=\"" + c.get("opaque") + "\", qop=auth, nc=" + ncText + ", cnonce=\"" + cnonce + "\"";
    }

    /** Answers without qop and algorithm, as GStreamer 1.22 and QuickTime do (MD5 whatever was offered). */
    String answerWithoutQop(String challenge, String method, String uri) throws MalformedAuthorizationException {
        Map<String, String> c = challengeParameters(challenge);
        String ha1 = DigestMath.ha1(DigestAlgorithm.MD5, user, c.get("realm"), password);
        String response = DigestMath.responseWithoutQop(DigestAlgorithm.MD5, ha1, c.get("nonce"),
                DigestMath.ha2(DigestAlgorithm.MD5, method, uri));
        return "Digest username=\"" + user + "\", realm=\"" + c.get("realm") + "\", nonce=\"" + c.get("nonce")
                + "\", uri=\"" + uri + "\", response=\"" + response + "\", opaque=\"" + c.get("opaque") + "\"";
    }

    private static DigestAlgorithm algorithm(String token) {
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            if (algorithm.token().equals(token)) {
                return algorithm;
            }
        }
        throw new AssertionError("unknown algorithm " + token);
    }
}
