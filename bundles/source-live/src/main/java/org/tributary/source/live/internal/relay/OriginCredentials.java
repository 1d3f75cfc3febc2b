package org.tributary.source.live.internal.relay;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tributary.security.AuthParamSyntax;
import org.tributary.security.DigestHash;
import org.tributary.security.MalformedAuthorizationException;

/**
 * Answers an origin's {@code WWW-Authenticate} challenges with the URL's user and password: Digest
 * MD5 (RFC 2617, with {@code qop=auth} when offered, else the RFC 2069 form) when the origin offers
 * it, else Basic. Once challenged, every later request carries an answer. Challenges are read, and
 * answers quoted, with the server's {@link AuthParamSyntax}. Synchronized, because a TEARDOWN may be
 * written from another thread than the connection's reader.
 */
final class OriginCredentials {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String user;
    private final String password;
    private String basic;
    private Map<String, String> digest;
    private boolean qop;
    private String cnonce;
    private int nonceCount;

    OriginCredentials(String user, String password) {
        this.user = user;
        this.password = password;
    }

    /**
     * Takes the challenges of a 401 answer.
     *
     * @param challenges the values of its {@code WWW-Authenticate} headers; untrusted
     * @throws OriginException when the origin offers neither Digest MD5 nor Basic
     */
    synchronized void challenge(List<String> challenges) throws OriginException {
        Map<String, String> chosen = null;
        boolean offersBasic = false;
        String malformed = null;
        for (String challenge : challenges) {
            if (isScheme(challenge, "Digest")) {
                try {
                    Map<String, String> parameters = digestParameters(challenge);
                    if (parameters.getOrDefault("algorithm", "MD5").equalsIgnoreCase("MD5")) {
                        chosen = parameters;
                    }
                } catch (MalformedAuthorizationException e) {
                    malformed = e.getMessage();
                }
            } else if (isScheme(challenge, "Basic")) {
                offersBasic = true;
            }
        }
        if (chosen != null) {
            digest = chosen;
            qop = offersAuth(chosen.getOrDefault("qop", ""));
            cnonce = HexFormat.of().formatHex(randomBytes());
            nonceCount = 0;
            basic = null;
        } else if (offersBasic) {
            basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            digest = null;
        } else if (malformed != null) {
            throw new OriginException("origin sent a malformed WWW-Authenticate Digest challenge: " + malformed);
        } else {
            throw new OriginException("origin asks for an authentication other than Basic or Digest MD5: "
                    + AuthParamSyntax.abbreviate(String.join(" | ", challenges)));
        }
    }

    /**
     * @return the {@code Authorization} value for a request, {@code null} before any challenge
     */
    synchronized String authorization(String method, String uri) {
        if (digest == null) {
            return basic;
        }
        String realm = digest.get("realm");
        String nonce = digest.get("nonce");
        String ha1 = DigestHash.MD5.ha1(user, realm, password);
        String ha2 = DigestHash.MD5.ha2(method, uri);
        StringBuilder header = new StringBuilder("Digest username=").append(AuthParamSyntax.quote(user))
                .append(", realm=").append(AuthParamSyntax.quote(realm))
                .append(", nonce=").append(AuthParamSyntax.quote(nonce))
                .append(", uri=").append(AuthParamSyntax.quote(uri));
        if (qop) {
            String nc = String.format(Locale.ROOT, "%08x", ++nonceCount);
            header.append(", qop=auth, nc=").append(nc).append(", cnonce=").append(AuthParamSyntax.quote(cnonce))
                    .append(", response=\"").append(DigestHash.MD5.response(ha1, nonce, nc, cnonce, "auth", ha2))
                    .append('"');
        } else {
            header.append(", response=\"").append(DigestHash.MD5.responseWithoutQop(ha1, nonce, ha2)).append('"');
        }
        if (digest.containsKey("opaque")) {
            header.append(", opaque=").append(AuthParamSyntax.quote(digest.get("opaque")));
        }
        if (digest.containsKey("algorithm")) {
            header.append(", algorithm=MD5");
        }
        return header.toString();
    }

    /** @return whether a challenge's {@code qop} list (comma-separated tokens) holds {@code auth} */
    private static boolean offersAuth(String qops) {
        for (String option : qops.split(",")) {
            if (option.strip().equalsIgnoreCase("auth")) {
                return true;
            }
        }
        return false;
    }

    /** @return whether a challenge names the scheme (case-insensitive), alone or followed by a blank */
    private static boolean isScheme(String challenge, String scheme) {
        String text = challenge.stripLeading();
        return text.regionMatches(true, 0, scheme, 0, scheme.length())
                && (text.length() == scheme.length() || text.charAt(scheme.length()) == ' '
                        || text.charAt(scheme.length()) == '\t');
    }

    /**
     * @return the parameters of a Digest challenge, with the {@code realm} and {@code nonce} it needs
     * @throws MalformedAuthorizationException when its syntax is broken or it lacks realm or nonce
     */
    static Map<String, String> digestParameters(String challenge) throws MalformedAuthorizationException {
        AuthParamSyntax.checkHeader(challenge);
        String text = challenge.stripLeading();
        Map<String, String> parameters = AuthParamSyntax.parameters(text.substring("Digest".length()));
        for (String required : List.of("realm", "nonce")) {
            if (!parameters.containsKey(required)) {
                throw new MalformedAuthorizationException("Digest challenge without " + required);
            }
        }
        return parameters;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
