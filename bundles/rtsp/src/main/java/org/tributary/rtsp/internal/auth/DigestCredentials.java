package org.tributary.rtsp.internal.auth;

import org.tributary.api.DigestAlgorithm;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.tributary.security.AuthParamSyntax;
import org.tributary.security.MalformedAuthorizationException;

/**
 * Digest credentials (RFC 7616 §3.4), checked for syntax and bounds. Algorithms MD5 (also when
 * absent, as RFC 2617 says) and SHA-256; qop {@code auth} or none (RFC 2069 clients: QuickTime,
 * GStreamer); {@code -sess} algorithms, {@code auth-int}, {@code userhash=true} and
 * {@code username*} are refused as unsupported. Unknown parameters are ignored, a parameter given
 * twice is an error.
 *
 * @param username  the user name, decoded from UTF-8; 1 to {@value #MAX_NAME_BYTES} bytes, no control character
 * @param realm     the realm the client answered, decoded from UTF-8; at most {@value #MAX_NAME_BYTES} bytes
 * @param nonce     the server nonce, printable ASCII, at most {@value #MAX_NONCE_LENGTH} characters
 * @param uri       the digest-uri, visible ASCII, as the client sent it
 * @param response  the request digest, lower-case hex of the algorithm's length
 * @param algorithm the hash algorithm
 * @param qop       the {@code qop=auth} fields, or empty for an RFC 2069 response
 * @param opaque    the opaque value echoed back, if any
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
        DigestAlgorithm algorithm, Optional<QopAuth> qop, Optional<String> opaque) implements AuthorizationHeader {

    /** Longest user name or realm accepted, in UTF-8 bytes. */
    public static final int MAX_NAME_BYTES = 255;
    /** Longest nonce, cnonce or opaque accepted. */
    public static final int MAX_NONCE_LENGTH = 256;

    /** Checks the fields are present. */
    public DigestCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(qop, "qop");
        Objects.requireNonNull(opaque, "opaque");
    }

    /**
     * The fields that come with {@code qop=auth}.
     *
     * @param nc     the nonce count exactly as sent: 8 hex digits
     * @param cnonce the client nonce, printable ASCII
     */
    public record QopAuth(String nc, String cnonce) {

        /** @return the nonce count as a number */
        public long count() {
            return Long.parseLong(nc, 16);
        }
    }

    /** Builds the credentials from parsed parameters (names lower-case, values unquoted). */
    static DigestCredentials of(Map<String, String> parameters) throws MalformedAuthorizationException {
        if (!parameters.containsKey("username") && parameters.containsKey("username*")) {
            throw new MalformedAuthorizationException("parameter username* (RFC 8187 encoding) is not supported");
        }
        String userhash = parameters.getOrDefault("userhash", "false");
        if (!userhash.equalsIgnoreCase("false")) {
            throw new MalformedAuthorizationException("userhash=" + AuthParamSyntax.abbreviate(userhash)
                    + " is not supported");
        }
        DigestAlgorithm algorithm = algorithm(parameters.get("algorithm"));
        return new DigestCredentials(
                name(parameters, "username", false),
                name(parameters, "realm", true),
                ascii(parameters, "nonce", MAX_NONCE_LENGTH, true),
                visibleAscii(required(parameters, "uri")),
                response(required(parameters, "response"), algorithm),
                algorithm,
                qop(parameters),
                parameters.containsKey("opaque")
                        ? Optional.of(ascii(parameters, "opaque", MAX_NONCE_LENGTH, true)) : Optional.empty());
    }

    private static String required(Map<String, String> parameters, String name) throws MalformedAuthorizationException {
        String value = parameters.get(name);
        if (value == null) {
            throw new MalformedAuthorizationException("Digest credentials lack the " + name + " parameter");
        }
        return value;
    }

    private static DigestAlgorithm algorithm(String token) throws MalformedAuthorizationException {
        if (token == null) {
            return DigestAlgorithm.MD5;
        }
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            if (algorithm.token().equalsIgnoreCase(token)) {
                return algorithm;
            }
        }
        throw new MalformedAuthorizationException("algorithm " + AuthParamSyntax.abbreviate(token)
                + " is not supported (MD5 or SHA-256 expected)");
    }

    private static String name(Map<String, String> parameters, String name, boolean emptyAllowed)
            throws MalformedAuthorizationException {
        String octets = required(parameters, name);
        if (octets.length() > MAX_NAME_BYTES) {
            throw new MalformedAuthorizationException(name + " of " + octets.length() + " bytes exceeds "
                    + MAX_NAME_BYTES);
        }
        String decoded = AuthParamSyntax.utf8(octets, name);
        if ((decoded.isEmpty() && !emptyAllowed) || AuthParamSyntax.hasControl(decoded)) {
            throw new MalformedAuthorizationException(name + " is empty or holds a control character");
        }
        return decoded;
    }

    private static String ascii(Map<String, String> parameters, String name, int maxLength, boolean spaceAllowed)
            throws MalformedAuthorizationException {
        String value = required(parameters, name);
        char lowest = spaceAllowed ? ' ' : '!';
        if (value.isEmpty() || value.length() > maxLength
                || !value.chars().allMatch(c -> c >= lowest && c <= '~')) {
            throw new MalformedAuthorizationException(name + " \"" + AuthParamSyntax.abbreviate(value)
                    + "\" is empty, longer than " + maxLength + " characters or not printable ASCII");
        }
        return value;
    }

    private static String visibleAscii(String uri) throws MalformedAuthorizationException {
        if (uri.isEmpty() || !uri.chars().allMatch(c -> c > ' ' && c <= '~')) {
            throw new MalformedAuthorizationException("uri \"" + AuthParamSyntax.abbreviate(uri)
                    + "\" is empty or holds a space or non-ASCII character");
        }
        return uri;
    }

    private static String response(String hex, DigestAlgorithm algorithm) throws MalformedAuthorizationException {
        int expected = DigestMath.hexLength(algorithm);
        if (hex.length() != expected || !AuthParamSyntax.isHex(hex)) {
            throw new MalformedAuthorizationException("response \"" + AuthParamSyntax.abbreviate(hex) + "\" is not "
                    + expected + " hex digits as " + algorithm.token() + " gives");
        }
        return hex.toLowerCase(Locale.ROOT);
    }

    private static Optional<QopAuth> qop(Map<String, String> parameters) throws MalformedAuthorizationException {
        String qop = parameters.get("qop");
        if (qop == null) {
            return Optional.empty();
        }
        if (!qop.equalsIgnoreCase("auth")) {
            throw new MalformedAuthorizationException("qop " + AuthParamSyntax.abbreviate(qop)
                    + " is not supported (auth expected)");
        }
        String nc = required(parameters, "nc");
        if (nc.length() != 8 || !AuthParamSyntax.isHex(nc)) {
            throw new MalformedAuthorizationException("nc \"" + AuthParamSyntax.abbreviate(nc)
                    + "\" is not 8 hex digits");
        }
        return Optional.of(new QopAuth(nc, ascii(parameters, "cnonce", MAX_NONCE_LENGTH, false)));
    }

    /** Names the user and nonce, for logs. */
    @Override
    public String toString() {
        return "Digest username=" + username + " realm=" + realm + " algorithm=" + algorithm.token()
                + " uri=" + uri + qop.map(q -> " nc=" + q.nc()).orElse(" (no qop)");
    }
}
