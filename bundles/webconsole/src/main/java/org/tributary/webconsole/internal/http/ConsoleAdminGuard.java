package org.tributary.webconsole.internal.http;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.apache.felix.webconsole.WebConsoleSecurityProvider;
import org.apache.felix.webconsole.WebConsoleSecurityProvider2;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.LoggerFactory;
import org.tributary.api.ServerStats;
import org.tributary.security.RefusalLog;
import org.tributary.webconsole.internal.admin.ShippedAdmin;

/**
 * The Felix Web Console's login ({@code /system/console}) with the rule of {@code /tributary/*}: the shipped
 * administrator karaf/karaf is refused (403) from non-loopback addresses while its password is unchanged.
 * It ranks above Karaf's JAAS security provider and lets that one do the login (users, roles, the session's
 * subject); only a login that succeeded with the shipped password from afar is then turned down and its
 * session dropped. Without Karaf's provider this one is not registered, and the console falls back to its own.
 */
@Component(service = {WebConsoleSecurityProvider.class, WebConsoleSecurityProvider2.class},
        property = {Constants.SERVICE_RANKING + ":Integer=100", ConsoleAdminGuard.MARK + ":Boolean=true"})
public final class ConsoleAdminGuard implements WebConsoleSecurityProvider2 {

    static final String MARK = "tributary.console.guard";
    private static final RefusalLog REFUSALS = new RefusalLog(LoggerFactory.getLogger(ConsoleAdminGuard.class));

    @Reference(target = "(!(" + MARK + "=*))")
    private WebConsoleSecurityProvider2 login;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ServerStats stats;

    @Override
    public Object authenticate(String user, String password) {
        // the console asks this only of providers without the request; there is no address to check here
        return login.authenticate(user, password);
    }

    @Override
    public boolean authorize(Object user, String role) {
        return login.authorize(user, role);
    }

    @Override
    public boolean authenticate(HttpServletRequest request, HttpServletResponse response) {
        if (!login.authenticate(request, response)) {
            return false;
        }
        if (!shippedFromAfar(request.getHeader("Authorization"), request.getRemoteAddr())) {
            return true;
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        REFUSALS.info(request.getRemoteAddr(), Gate.SHIPPED_FROM_AFAR + " from {}", request.getMethod(),
                request.getRequestURI(), request.getRemoteAddr());
        Optional.ofNullable(stats).ifPresent(s -> s.refused("HTTP", HttpServletResponse.SC_FORBIDDEN));
        try {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, ShippedAdmin.REFUSAL);
        } catch (IOException | IllegalStateException e) {
            // the client went away or an answer was already under way: it is refused either way
        }
        return false;
    }

    /** @return true when {@code authorization} carries the shipped credentials and the client is not on loopback */
    static boolean shippedFromAfar(String authorization, String remoteAddress) {
        Optional<BasicCredentials> given = BasicCredentials.parse(authorization);
        if (given.isEmpty()) {
            return false;
        }
        try {
            return ShippedAdmin.refused(given.get().user(), given.get().password(), Gate.address(remoteAddress));
        } finally {
            Arrays.fill(given.get().password(), '\0');
        }
    }
}
