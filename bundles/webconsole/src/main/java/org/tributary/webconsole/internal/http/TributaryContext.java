package org.tributary.webconsole.internal.http;

import java.io.IOException;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.metatype.annotations.Designate;
import org.tributary.api.AccessService;
import org.tributary.api.ServerStats;
import org.tributary.webconsole.internal.json.JsonWriter;

/**
 * The servlet context of {@code /tributary}: the one place that authenticates the JSON API and the
 * metrics. Servlets select it with {@link #SELECT}.
 */
@Component(service = ServletContextHelper.class, configurationPid = TributaryContext.PID,
        property = {"osgi.http.whiteboard.context.name=" + TributaryContext.NAME,
                "osgi.http.whiteboard.context.path=/tributary"})
@Designate(ocd = WebConsoleConfig.class)
public class TributaryContext extends ServletContextHelper {

    /** The configuration PID. */
    public static final String PID = "org.tributary.webconsole";
    /** The context's name. */
    public static final String NAME = "tributary";
    /** The whiteboard property value a servlet uses to select this context. */
    public static final String SELECT = "(osgi.http.whiteboard.context.name=" + NAME + ")";
    /** The challenge sent with 401. */
    static final String CHALLENGE = "Basic realm=\"Tributary\", charset=\"UTF-8\"";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ServerStats stats;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AccessService access;
    private volatile Gate gate;

    @Activate
    @Modified
    void activate(WebConsoleConfig config) {
        gate = new Gate(new JaasLogin(config.realm(), config.role()), () -> Optional.ofNullable(stats),
                () -> Optional.ofNullable(access));
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Gate.Decision decision = gate.check(new Gate.RequestFacts(request.getMethod(), request.getRequestURI(),
                request.getHeader("Authorization"), request.getHeader(RequestGuard.HEADER),
                request.getHeader("Origin"), request.getHeader("Host"), request.getRemoteAddr()));
        if (decision.allowed()) {
            request.setAttribute(REMOTE_USER, decision.user());
            request.setAttribute(AUTHENTICATION_TYPE, HttpServletRequest.BASIC_AUTH);
            return true;
        }
        if (decision.status() == 401) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
        }
        response.setStatus(decision.status());
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(JsonWriter.message(decision.message()));
        // committed, or Pax Web replaces the answer with its own 403 page
        response.flushBuffer();
        return false;
    }
}
