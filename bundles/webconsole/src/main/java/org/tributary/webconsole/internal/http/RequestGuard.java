package org.tributary.webconsole.internal.http;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one CSRF check for state-changing requests (POST, PUT, DELETE...) of the API and the console
 * pages: a browser on another site can send such a request with the user's Basic credentials, but it
 * cannot add a custom header without CORS consent, and it always sends its own {@code Origin}. A request
 * passes when it carries {@value #HEADER} or comes from the server's own origin.
 */
public final class RequestGuard {

    /** The header scripts and the console's pages send with every state-changing request, any value. */
    public static final String HEADER = "X-Tributary-Request";

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private RequestGuard() {
    }

    /**
     * @param method the request method
     * @param header the value of {@value #HEADER}, or null
     * @param origin the {@code Origin} header, or null
     * @param host   the {@code Host} header, or null
     * @return why the request is refused (answer 403), or empty when it may go on
     */
    public static Optional<String> refusal(String method, String header, String origin, String host) {
        if (method == null || SAFE.contains(method.toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        if (header != null && !header.isBlank()) {
            return Optional.empty();
        }
        if (origin != null && host != null && sameHost(origin, host)) {
            return Optional.empty();
        }
        return Optional.of(method + " needs the header " + HEADER + ": 1 (or a same-origin Origin header)"
                + " to guard against cross-site requests");
    }

    private static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getHost() == null) {
                return false;
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return authority.equalsIgnoreCase(host.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
