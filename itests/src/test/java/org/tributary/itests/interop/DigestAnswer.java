package org.tributary.itests.interop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers one Digest challenge of a 401 ({@code WWW-Authenticate: Digest ...}, RFC 7616 with
 * {@code qop=auth}, MD5 or SHA-256) for requests a test writes by hand, such as an ANNOUNCE with a
 * body the real clients would never send.
 */
final class DigestAnswer {

    private static final Pattern PARAMETER = Pattern.compile("([A-Za-z-]+)=(?:\"([^\"]*)\"|([^,\\s]*))");
    private static final SecureRandom RANDOM = new SecureRandom();

    private DigestAnswer() {
    }

    /**
     * Returns the value of an {@code Authorization} header answering {@code challenge} (the value of
     * a {@code WWW-Authenticate} header) for {@code method} on {@code uri}, logged in as {@code login}.
     */
    static String authorization(Login login, String method, String uri, String challenge) {
        byte[] cnonce = new byte[16];
        RANDOM.nextBytes(cnonce);
        return authorization(login, method, uri, challenge, HexFormat.of().formatHex(cnonce));
    }

    /** The same with a given client nonce, so that the RFC 7616 example can be checked byte for byte. */
    static String authorization(Login login, String method, String uri, String challenge, String cnonce) {
        if (!challenge.regionMatches(true, 0, "Digest ", 0, 7)) {
            throw new IllegalArgumentException("not a Digest challenge: " + challenge);
        }
        Map<String, String> parameters = parameters(challenge.substring(7));
        String realm = required(parameters, "realm", challenge);
        String nonce = required(parameters, "nonce", challenge);
        String algorithm = parameters.getOrDefault("algorithm", "MD5");
        String hash = switch (algorithm.toUpperCase(Locale.ROOT)) {
            case "MD5" -> "MD5";
            case "SHA-256" -> "SHA-256";
            default -> throw new IllegalArgumentException("unsupported algorithm in " + challenge);
        };
        String nc = "00000001";
        String ha1 = hex(hash, login.user() + ":" + realm + ":" + login.password());
        String ha2 = hex(hash, method + ":" + uri);
        String response = hex(hash, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        StringBuilder header = new StringBuilder("Digest username=\"").append(login.user())
                .append("\", realm=\"").append(realm).append("\", uri=\"").append(uri)
                .append("\", algorithm=").append(algorithm).append(", nonce=\"").append(nonce)
                .append("\", nc=").append(nc).append(", cnonce=\"").append(cnonce)
                .append("\", qop=auth, response=\"").append(response).append('"');
        if (parameters.containsKey("opaque")) {
            header.append(", opaque=\"").append(parameters.get("opaque")).append('"');
        }
        return header.toString();
    }

    /**
     * Returns an RFC 2069 answer without qop (as GStreamer and old QuickTime players send):
     * {@code response = H(HA1:nonce:HA2)} for the challenge's nonce and algorithm.
     */
    static String authorizationWithoutQop(Login login, String method, String uri, String challenge) {
        Map<String, String> parameters = parameters(challenge.substring(7));
        String realm = required(parameters, "realm", challenge);
        String nonce = required(parameters, "nonce", challenge);
        String hash = parameters.getOrDefault("algorithm", "MD5").equalsIgnoreCase("SHA-256") ? "SHA-256" : "MD5";
        String ha1 = hex(hash, login.user() + ":" + realm + ":" + login.password());
        String response = hex(hash, ha1 + ":" + nonce + ":" + hex(hash, method + ":" + uri));
        return "Digest username=\"" + login.user() + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\""
                + uri + "\", response=\"" + response + "\"" + (hash.equals("MD5") ? "" : ", algorithm=SHA-256");
    }

    private static Map<String, String> parameters(String text) {
        Map<String, String> parameters = new HashMap<>();
        Matcher matcher = PARAMETER.matcher(text);
        while (matcher.find()) {
            String value = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            parameters.put(matcher.group(1).toLowerCase(Locale.ROOT), value);
        }
        return parameters;
    }

    private static String required(Map<String, String> parameters, String name, String challenge) {
        String value = parameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no " + name + " in " + challenge);
        }
        return value;
    }

    private static String hex(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
