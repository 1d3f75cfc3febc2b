package org.tributary.rtsp.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.rtsp.RtspResponseStatuses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.AccessDecision;
import org.tributary.api.AccessMode;
import org.tributary.api.AccessRequest;
import org.tributary.api.AccessService;
import org.tributary.api.UserPrincipal;
import org.tributary.rtsp.internal.auth.AuthorizationHeader;
import org.tributary.security.AuthParamSyntax;
import org.tributary.rtsp.internal.auth.BasicCredentials;
import org.tributary.rtsp.internal.auth.DigestAuthenticator;
import org.tributary.rtsp.internal.auth.DigestCredentials;
import org.tributary.rtsp.internal.auth.DigestVerification;
import org.tributary.security.MalformedAuthorizationException;
import org.tributary.security.RefusalLog;

/**
 * Decides whether an RTSP request may go ahead: reads the client's credentials (Digest or Basic,
 * as configured), asks the {@link AccessService}, and otherwise says which status to answer and
 * which challenges to send.
 */
final class RtspAuthorizer {

    private static final Logger LOG = LoggerFactory.getLogger(RtspAuthorizer.class);
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);
    /** The 401 of a Digest login no realm can check: its reason phrase says why (the log line says more). */
    static final HttpResponseStatus NO_DIGEST_PASSWORD = new HttpResponseStatus(401,
            "Unauthorized (no Digest password for this user; Karaf users log in with Basic)");

    /** Which schemes the server accepts and offers (QTSS: digest). */
    enum Scheme {
        DIGEST, BASIC, BOTH;

        static Scheme of(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidSetting("authScheme: '" + value + "' is not digest, basic or both", "authScheme");
            }
        }

        boolean digest() {
            return this != BASIC;
        }

        boolean basic() {
            return this != DIGEST;
        }
    }

    /**
     * The answer: a user (possibly anonymous) when the request may go ahead, else a refusal.
     *
     * @param user         the authenticated user, when allowed
     * @param status       null when allowed, else the status to answer
     * @param challenges   WWW-Authenticate values for a 401
     * @param wrongLogin   true when the client sent wrong credentials (the answer is slowed down)
     */
    record Outcome(Optional<UserPrincipal> user, HttpResponseStatus status, List<String> challenges, boolean wrongLogin) {

        boolean allowed() {
            return status == null;
        }
    }

    private final AccessService access;
    private final DigestAuthenticator digest;
    private final Scheme scheme;

    RtspAuthorizer(AccessService access, DigestAuthenticator digest, Scheme scheme) {
        this.access = access;
        this.digest = digest;
        this.scheme = scheme;
    }

    /**
     * @param known the user of the request's session, used when the request carries no credentials
     */
    Outcome authorize(FullHttpRequest request, InetAddress client, String path, AccessMode mode,
                      Optional<UserPrincipal> known) {
        if (access.blocked(client)) {
            REFUSALS.info(client, "Refusing {} {} from {}: address blocked after failed logins", request.method(), path,
                    client.getHostAddress());
            return refuse(RtspResponseStatuses.FORBIDDEN);
        }
        Optional<UserPrincipal> user = known;
        String header = request.headers().get(RtspHeaders.AUTHORIZATION);
        if (header != null) {
            AuthorizationHeader credentials;
            try {
                credentials = AuthorizationHeader.parse(header);
            } catch (MalformedAuthorizationException e) {
                REFUSALS.info(client, "Malformed Authorization from {}: {}", client.getHostAddress(), e.getMessage());
                return refuse(RtspResponseStatuses.BAD_REQUEST);
            }
            Outcome login = login(credentials, request, client);
            if (!login.allowed()) {
                return login;
            }
            user = login.user();
        }
        AccessDecision decision = access.check(new AccessRequest(user, client, path, mode));
        switch (decision.verdict()) {
            case ALLOW:
                return new Outcome(user, null, List.of(), false);
            case CHALLENGE:
                LOG.debug("{} {} from {} needs credentials: {}", request.method(), path, client.getHostAddress(),
                        decision.reason());
                return challenge(false, header != null, client);
            default:
                REFUSALS.info(client, "Denied {} {} to {}{}: {}", mode, path, client.getHostAddress(),
                        user.map(u -> " (" + u.name() + ")").orElse(""), decision.reason());
                return refuse(RtspResponseStatuses.FORBIDDEN);
        }
    }

    /** @return the logged-in user as an allowed outcome, or the refusal */
    private Outcome login(AuthorizationHeader credentials, FullHttpRequest request, InetAddress client) {
        if (credentials instanceof BasicCredentials basic) {
            try {
                if (!scheme.basic()) {
                    access.loginFailed(client, basic.user());
                    return challenge(false, true, client);
                }
                Optional<UserPrincipal> user = access.authenticate(client, basic.user(), basic.password());
                if (user.isEmpty()) {
                    return challenge(false, true, client);
                }
                return new Outcome(user, null, List.of(), false);
            } finally {
                basic.clear();
            }
        }
        DigestCredentials digestCredentials = (DigestCredentials) credentials;
        if (!scheme.digest()) {
            access.loginFailed(client, digestCredentials.username());
            return challenge(false, true, client);
        }
        DigestVerification result = digest.verify(digestCredentials, request.method().name(), request.uri(),
                access.challengeRealm(), access::digestHa1, client);
        switch (result.status()) {
            case OK:
                Optional<UserPrincipal> user = access.digestLogin(client, result.user().orElseThrow());
                if (user.isEmpty()) {
                    access.loginFailed(client, digestCredentials.username());
                    return challenge(false, true, client);
                }
                return new Outcome(user, null, List.of(), false);
            case STALE:
                return challenge(true, false, client);
            case NO_HA1:
                // the shipped 'karaf' user lands here: say why rather than a bare "Failed login"
                REFUSALS.info(client, "Digest login of '{}' from {} refused: no users file holds a password for "
                        + "this user. A Karaf (JAAS) user such as 'karaf' cannot log in with Digest, since the JAAS "
                        + "realm checks passwords but cannot check Digest answers: log in with Basic (authScheme = "
                        + "both, over RTSPS), or add the user to a users file (stream:user-add)",
                        AuthParamSyntax.abbreviate(digestCredentials.username()), client.getHostAddress());
                access.loginFailed(client, digestCredentials.username());
                return challenge(false, true, client, NO_DIGEST_PASSWORD);
            default:
                LOG.debug("Digest login from {} failed: {}", client.getHostAddress(), result.reason());
                access.loginFailed(client, digestCredentials.username());
                return challenge(false, true, client);
        }
    }

    private Outcome challenge(boolean stale, boolean wrongLogin, InetAddress client) {
        return challenge(stale, wrongLogin, client, RtspResponseStatuses.UNAUTHORIZED);
    }

    private Outcome challenge(boolean stale, boolean wrongLogin, InetAddress client, HttpResponseStatus status) {
        List<String> values = new ArrayList<>();
        String realm = access.challengeRealm();
        if (scheme.digest()) {
            values.addAll(digest.challenges(realm, stale, client));
        }
        if (scheme.basic()) {
            values.add(BasicCredentials.challenge(realm));
        }
        return new Outcome(Optional.empty(), status, values, wrongLogin);
    }

    private static Outcome refuse(HttpResponseStatus status) {
        return new Outcome(Optional.empty(), status, List.of(), false);
    }
}
