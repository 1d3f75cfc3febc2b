package org.tributary.webconsole.internal.console;

import java.util.Set;
import javax.servlet.Servlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tributary.webconsole.internal.api.ApiRouter;

/** The Log page: access log lines and warnings, newest first, with a filter. */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=tributary-log",
        "felix.webconsole.title=Log",
        "felix.webconsole.category=" + ConsolePage.CATEGORY})
public final class LogPage extends RouterPage {

    private static final long serialVersionUID = 1L;

    /** @param router the JSON API */
    @Activate
    public LogPage(@Reference ApiRouter router) {
        super("tributary-log", router, Set.of("log"), Set.of());
    }
}
