package org.tributary.webconsole.internal.console;

import java.util.Set;
import javax.servlet.Servlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tributary.webconsole.internal.api.ApiRouter;

/** The Dashboard page: running or stopped, uptime, endpoints, sessions now, bit rates with a graph of the last minutes, totals, refusals, configuration errors; Start/Stop Service. */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=tributary-dashboard",
        "felix.webconsole.title=Dashboard",
        "felix.webconsole.category=" + ConsolePage.CATEGORY})
public final class DashboardPage extends RouterPage {

    private static final long serialVersionUID = 1L;

    /** @param router the JSON API */
    @Activate
    public DashboardPage(@Reference ApiRouter router) {
        super("tributary-dashboard", router, Set.of("status", "history"), Set.of("service"));
    }
}
