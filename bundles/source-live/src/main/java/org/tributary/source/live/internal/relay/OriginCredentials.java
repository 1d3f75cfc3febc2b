package org.tributary.source.live.internal.relay;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tributary.security.DigestHash;

/**
 * Answers an origin's {@code WWW-Authenticate} challenges with the URL's user and password: Digest
 * MD5 (RFC 2617, with {@code qop=auth} when offered, else the RFC 2069 form) when the origin offers
 * it, else Basic. Once challenged, every later request carries an answer. Synchronized, because a
 * TEARDOWN may be written from another thread than the connection's reader.
 */
final class OriginCredentials {

    private static final Pattern PARAMETER = Pattern.compile("([A-Za-z0-9_-]+)\\s*=\\s*(?:\"([^\"]*)\"|([^,\\s]*))");
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
        for (String challenge : challenges) {
            if (challenge.regionMatches(true, 0, "Digest ", 0, 7)) {
                Map<String, String> parameters = parameters(challenge.substring(7));
                String algorithm = parameters.getOrDefault("algorithm", "MD5");
                if (algorithm.equalsIgnoreCase("MD5") && parameters.containsKey("realm")
                        && parameters.containsKey("nonce")) {
                    chosen = parameters;
                }
            } else if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
                offersBasic = true;
            }
        }
        if (chosen != null) {
            digest = chosen;
            String qops = chosen.getOrDefault("qop", "");
            qop = List.of(qops.toLowerCase(Locale.ROOT).split("\\s*,\\s*")).contains("auth");
            cnonce = HexFormat.of().formatHex(randomBytes());
            nonceCount = 0;
            basic = null;
        } else if (offersBasic) {
            basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            digest = null;
        } else {
            throw new OriginException("origin asks for an authentication other than Basic or Digest MD5: " + challenges);
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
        StringBuilder header = new StringBuilder("Digest username=\"").append(user).append("\", realm=\"")
                .append(realm).append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri).append('"');
        if (qop) {
            String nc = String.format(Locale.ROOT, "%08x", ++nonceCount);
            header.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append("\", response=\"")
                    .append(DigestHash.MD5.response(ha1, nonce, nc, cnonce, "auth", ha2)).append('"');
        } else {
            header.append(", response=\"").append(DigestHash.MD5.responseWithoutQop(ha1, nonce, ha2)).append('"');
        }
        if (digest.containsKey("opaque")) {
            header.append(", opaque=\"").append(digest.get("opaque")).append('"');
        }
        if (digest.containsKey("algorithm")) {
            header.append(", algorithm=MD5");
        }
        return header.toString();
    }

    static Map<String, String> parameters(String text) {
        Map<String, String> parameters = new HashMap<>();
        Matcher m = PARAMETER.matcher(text);
        while (m.find()) {
            parameters.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return parameters;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
