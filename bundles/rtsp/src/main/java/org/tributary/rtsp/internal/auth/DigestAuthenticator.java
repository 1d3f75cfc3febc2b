package org.tributary.rtsp.internal.auth;

import org.tributary.api.DigestAlgorithm;
import org.tributary.security.AuthParamSyntax;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Digest authentication for one server run (RFC 7616): writes the {@code WWW-Authenticate}
 * challenges and verifies the answers. Nonces are stateless and bound to this instance and to the
 * client's address (see {@link DigestNonces}); only the nonce counters are kept, in a bounded map: a
 * qop=auth count must increase, and an answer without qop is accepted once per nonce (its replay,
 * even from the same address, gets a new challenge with {@code stale=true}, which clients answer
 * with the same credentials). Thread-safe.
 *
 * <p>Which challenge real clients answer, read in their sources and checked against a test server
 * on this platform (Debian 12):
 * <ul>
 * <li>ffmpeg 5.1 ({@code libavformat/httpauth.c}) reads every {@code WWW-Authenticate} header in
 *     turn and each Digest one replaces the previous, so it answers the <em>last</em> Digest
 *     challenge (Digest always beats Basic). It computes MD5 (and MD5-sess) only: when the last
 *     challenge says {@code algorithm=SHA-256} it sends no Authorization at all. It answers with
 *     {@code qop="auth"}, an incrementing {@code nc}, {@code algorithm="MD5"} quoted, and the full
 *     {@code rtsp://} request URI as {@code uri}.</li>
 * <li>GStreamer 1.22 ({@code gstrtspsrc.c}/{@code gstrtspclientsink.c} parse the headers,
 *     {@code gstrtspconnection.c} answers) also keeps the parameters of the <em>last</em> Digest
 *     challenge, ignores {@code algorithm} and {@code qop}, and always sends an RFC 2069 MD5
 *     response without qop, nc or algorithm (so absent algorithm = MD5 works even on the nonce of
 *     a SHA-256 challenge, since nonces are not tied to an algorithm).</li>
 * </ul>
 * Hence the default order SHA-256 then MD5: RFC 7616 clients take the first (SHA-256), ffmpeg
 * and GStreamer the last (MD5); and responses without qop are accepted by default.
 */
public final class DigestAuthenticator {

    private static final Pattern ABSOLUTE_URI = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://[^/?#]*(.*)");

    private final DigestOptions options;
    private final DigestNonces nonces;
    private final NonceCounters counters;

    /** @param options the algorithms, nonce lifetime and policies; the clock is the system's */
    public DigestAuthenticator(DigestOptions options) {
        this(options, System::currentTimeMillis, new SecureRandom());
    }

    /**
     * @param options     the algorithms, nonce lifetime and policies
     * @param clockMillis the current time in milliseconds (tests move it)
     * @param random      source of the per-instance secret and of nonces
     */
    public DigestAuthenticator(DigestOptions options, LongSupplier clockMillis, SecureRandom random) {
        this.options = options;
        this.nonces = new DigestNonces(random, clockMillis, options.nonceLifetime().toMillis());
        this.counters = new NonceCounters(options.replayCacheSize());
    }

    /**
     * Writes one {@code WWW-Authenticate} value per configured algorithm, in the configured order,
     * all with the same new nonce: {@code Digest realm="R", qop="auth", algorithm=SHA-256,
     * nonce="…", opaque="…"[, stale=true]}. Send them as separate headers, in this order.
     *
     * @param realm the realm to authenticate against; printable ASCII
     * @param stale  true after a STALE verification, so the client retries without asking the user
     * @param client the address of the client challenged; only answers from there verify
     * @throws IllegalArgumentException when the realm is empty, too long or not printable ASCII
     */
    public List<String> challenges(String realm, boolean stale, InetAddress client) {
        String quotedRealm = AuthParamSyntax.quote(AuthParamSyntax.challengeRealm(realm));
        String nonce = nonces.issue(client);
        List<String> values = new ArrayList<>();
        for (DigestAlgorithm algorithm : options.algorithms()) {
            values.add("Digest realm=" + quotedRealm + ", qop=\"auth\", algorithm=" + algorithm.token()
                    + ", nonce=\"" + nonce + "\", opaque=\"" + nonces.opaque() + "\"" + (stale ? ", stale=true" : ""));
        }
        return values;
    }

    /**
     * Verifies Digest credentials; never throws for wrong credentials.
     *
     * @param credentials the parsed Authorization header
     * @param method      the request method, e.g. {@code DESCRIBE}
     * @param requestUri  the Request-URI exactly as in the request line
     * @param realm       the realm the server challenged with
     * @param ha1s        where the user's HA1 comes from
     * @param client      the address the request came from
     * @return OK with the user, STALE (right response, expired or used-up nonce: re-challenge with
     *         stale=true) or FAILED with the reason for the log
     */
    public DigestVerification verify(DigestCredentials credentials, String method, String requestUri, String realm,
            Ha1Lookup ha1s, InetAddress client) {
        String user = AuthParamSyntax.abbreviate(credentials.username());
        Optional<String> problem = requestProblem(credentials, requestUri, realm);
        if (problem.isPresent()) {
            return DigestVerification.failed(problem.get() + " (user " + user + ")");
        }
        DigestNonces.Check nonce = nonces.check(credentials.nonce(), client);
        if (nonce.validity() == DigestNonces.Validity.FORGED) {
            return DigestVerification.failed("nonce was not issued by this server to " + client.getHostAddress()
                    + " (user " + user + ")");
        }
        Optional<String> ha1 = ha1s.ha1(credentials.username(), credentials.realm(), credentials.algorithm())
                .map(hex -> hex.toLowerCase(Locale.ROOT));
        if (ha1.isEmpty() || ha1.get().length() != DigestMath.hexLength(credentials.algorithm())) {
            return DigestVerification.noHa1("no " + credentials.algorithm().token() + " HA1 for user " + user);
        }
        if (!MessageDigest.isEqual(ascii(expectedResponse(credentials, method, ha1.get())),
                ascii(credentials.response()))) {
            return DigestVerification.failed("wrong response (password) for user " + user);
        }
        if (nonce.validity() == DigestNonces.Validity.EXPIRED) {
            return DigestVerification.stale("nonce expired (user " + user + ")");
        }
        return counted(credentials, nonce.issuedAtMillis(), user);
    }

    /** The replay check: a qop=auth count must increase; an answer without qop counts as 0, so it is accepted once. */
    private DigestVerification counted(DigestCredentials credentials, long issuedAtMillis, String user) {
        long count = credentials.qop().map(DigestCredentials.QopAuth::count).orElse(0L);
        switch (counters.advance(credentials.nonce(), issuedAtMillis, count)) {
            case REPLAYED:
                return credentials.qop().isPresent()
                        ? DigestVerification.failed("nc " + count + " replayed for user " + user)
                        : DigestVerification.stale("nonce without qop used again (user " + user + ")");
            case FORGOTTEN:
                return DigestVerification.stale("nonce counter forgotten (user " + user + ")");
            default:
                break;
        }
        return DigestVerification.ok(credentials.username());
    }

    /** @return what is wrong with the credentials before any hashing, if anything */
    private Optional<String> requestProblem(DigestCredentials credentials, String requestUri, String realm) {
        if (!credentials.realm().equals(realm)) {
            return Optional.of("realm \"" + AuthParamSyntax.abbreviate(credentials.realm()) + "\" is not \""
                    + realm + "\"");
        }
        if (!options.algorithms().contains(credentials.algorithm())) {
            return Optional.of("algorithm " + credentials.algorithm().token() + " is not allowed");
        }
        if (credentials.opaque().isPresent() && !credentials.opaque().get().equals(nonces.opaque())) {
            return Optional.of("opaque does not match this server's");
        }
        if (!sameTarget(credentials.uri(), requestUri)) {
            return Optional.of("uri \"" + AuthParamSyntax.abbreviate(credentials.uri())
                    + "\" is not the request URI \"" + AuthParamSyntax.abbreviate(requestUri) + "\"");
        }
        if (credentials.qop().isEmpty() && !options.acceptWithoutQop()) {
            return Optional.of("response without qop is not accepted");
        }
        return Optional.empty();
    }

    private static String expectedResponse(DigestCredentials credentials, String method, String ha1) {
        DigestAlgorithm algorithm = credentials.algorithm();
        // HA2 uses the uri the client hashed, which may differ in form from the request line.
        String ha2 = DigestMath.ha2(algorithm, method, credentials.uri());
        return credentials.qop()
                .map(q -> DigestMath.response(algorithm, ha1, credentials.nonce(), q.nc(), q.cnonce(), "auth", ha2))
                .orElseGet(() -> DigestMath.responseWithoutQop(algorithm, ha1, credentials.nonce(), ha2));
    }

    /**
     * The digest-uri must name the request target: equal to it, or its path when exactly one of
     * the two is absolute ({@code rtsp://host/a} and {@code /a}), since clients differ in the form
     * they hash.
     */
    static boolean sameTarget(String digestUri, String requestUri) {
        if (digestUri.equals(requestUri)) {
            return true;
        }
        Matcher digestAbsolute = ABSOLUTE_URI.matcher(digestUri);
        Matcher requestAbsolute = ABSOLUTE_URI.matcher(requestUri);
        boolean digestIsAbsolute = digestAbsolute.matches();
        if (digestIsAbsolute == requestAbsolute.matches()) {
            return false;
        }
        String path = digestIsAbsolute ? digestAbsolute.group(1) : requestAbsolute.group(1);
        String other = digestIsAbsolute ? requestUri : digestUri;
        return other.startsWith("/") && (path.isEmpty() ? "/" : path).equals(other);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
