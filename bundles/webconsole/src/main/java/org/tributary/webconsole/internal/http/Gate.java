package org.tributary.webconsole.internal.http;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.tributary.api.AccessService;
import org.tributary.api.ServerStats;
import org.tributary.security.RefusalLog;
import org.tributary.webconsole.internal.admin.ShippedAdmin;

/**
 * Decides whether a request to {@code /tributary/*} may go on: HTTP Basic credentials of a user with
 * the administrator role, and the CSRF check for state-changing requests. Refusals are logged at a
 * bounded rate per client, without the credentials, and counted in {@link ServerStats}. Wrong passwords
 * count against the address in the {@link AccessService} with the RTSP and MP3 logins, so an address that
 * guesses too often is refused (403) without its credentials being tried, here as on the streaming ports.
 * The shipped administrator karaf/karaf is refused (403) from non-loopback addresses while its password is
 * unchanged: a successful login with that password proves it is.
 */
final class Gate {

    /** The outcome: go on as {@code user}, or answer {@code status} with {@code message}. */
    record Decision(int status, String message, String user) {
        boolean allowed() {
            return status == 0;
        }
    }

    /** The log line of a refused login of the shipped administrator; one home for the /tributary and console gates. */
    static final String SHIPPED_FROM_AFAR = "HTTP {} {} refused: the shipped administrator " + ShippedAdmin.USER
            + " with its default password, from a non-loopback address";
    private static final RefusalLog REFUSALS = new RefusalLog(LoggerFactory.getLogger(Gate.class));

    private final Login login;
    private final Supplier<Optional<ServerStats>> stats;
    private final Supplier<Optional<AccessService>> access;

    Gate(Login login, Supplier<Optional<ServerStats>> stats, Supplier<Optional<AccessService>> access) {
        this.login = login;
        this.stats = stats;
        this.access = access;
    }

    /**
     * @param request what the request carries
     * @return whether it may go on
     */
    Decision check(RequestFacts request) {
        Optional<BasicCredentials> credentials = BasicCredentials.parse(request.authorization());
        if (credentials.isEmpty()) {
            return refuse(request, 401, "Log in with the user name and password of a Karaf administrator",
                    "HTTP {} {} refused: no Basic credentials");
        }
        Optional<InetAddress> client = address(request.remoteAddress());
        Optional<AccessService> throttle = access.get().filter(a -> client.isPresent());
        if (throttle.isPresent() && throttle.get().blocked(client.get())) {
            return refuse(request, 403, "Too many failed logins from this address: try again later",
                    "HTTP {} {} refused: the address is blocked after too many failed logins");
        }
        BasicCredentials given = credentials.get();
        Login.Result result;
        boolean shippedFromAfar = ShippedAdmin.refused(given.user(), given.password(), client);
        try {
            result = login.check(given.user(), given.password());
        } finally {
            Arrays.fill(given.password(), '\0');
        }
        if (result == Login.Result.WRONG) {
            throttle.ifPresent(a -> a.loginFailed(client.get(), given.user()));
            return refuse(request, 401, "Wrong user name or password",
                    "HTTP {} {} refused: wrong user name or password");
        }
        if (result == Login.Result.NOT_IN_ROLE) {
            return refuse(request, 403, "This user is not an administrator",
                    "HTTP {} {} refused: the user is not in the administrator role");
        }
        if (shippedFromAfar) {
            return refuse(request, 403, ShippedAdmin.REFUSAL, SHIPPED_FROM_AFAR);
        }
        Optional<String> csrf = RequestGuard.refusal(request.method(), request.guardHeader(), request.origin(),
                request.host());
        if (csrf.isPresent()) {
            return refuse(request, 403, csrf.get(), "HTTP {} {} refused: no " + RequestGuard.HEADER
                    + " header and not a same-origin request");
        }
        return new Decision(0, "", given.user());
    }

    /** The client's address; only an address literal is taken, so that no name is ever looked up. */
    static Optional<InetAddress> address(String literal) {
        return ShippedAdmin.address(literal);
    }

    private Decision refuse(RequestFacts request, int status, String message, String logFormat) {
        REFUSALS.info(request.remoteAddress(), logFormat + " from {}", request.method(), request.path(),
                request.remoteAddress());
        stats.get().ifPresent(s -> s.refused("HTTP", status));
        return new Decision(status, message, null);
    }

    /**
     * What the gate reads of a request.
     *
     * @param method        the method
     * @param path          the request path, for the log
     * @param authorization the Authorization header, or null
     * @param guardHeader   the {@value RequestGuard#HEADER} header, or null
     * @param origin        the Origin header, or null
     * @param host          the Host header, or null
     * @param remoteAddress the client's address
     */
    record RequestFacts(String method, String path, String authorization, String guardHeader, String origin,
                        String host, String remoteAddress) {
    }
}
