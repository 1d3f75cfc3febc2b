package org.tributary.webconsole.internal.console;

import java.util.Set;
import javax.servlet.Servlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tributary.webconsole.internal.api.ApiRouter;

/** The Sessions page: every viewer, publisher and MP3 listener with a Kick button, filtered by path or address. */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=tributary-sessions",
        "felix.webconsole.title=Sessions",
        "felix.webconsole.category=" + ConsolePage.CATEGORY})
public final class SessionsPage extends RouterPage {

    private static final long serialVersionUID = 1L;

    /** @param router the JSON API */
    @Activate
    public SessionsPage(@Reference ApiRouter router) {
        super("tributary-sessions", router, Set.of("sessions"), Set.of("sessions"));
    }
}
