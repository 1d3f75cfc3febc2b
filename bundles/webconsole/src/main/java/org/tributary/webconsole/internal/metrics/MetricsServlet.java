package org.tributary.webconsole.internal.metrics;

import java.io.IOException;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tributary.webconsole.internal.http.TributaryContext;
import org.tributary.webconsole.internal.model.ServerFigures;
import org.tributary.webconsole.internal.model.Services;

/** Serves the Prometheus metrics at {@code /tributary/metrics}, behind the context's authentication. */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/metrics",
        "osgi.http.whiteboard.servlet.name=tributary-metrics",
        "osgi.http.whiteboard.context.select=" + TributaryContext.SELECT})
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient TributaryMetrics metrics;

    /** @param services what to measure */
    @Activate
    public MetricsServlet(@Reference Services services) {
        this.metrics = new TributaryMetrics(() -> ServerFigures.of(services, TributaryMetrics.MAX_PATHS));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType(metrics.contentType());
        response.setHeader("Cache-Control", "no-store");
        metrics.scrape(response.getOutputStream());
    }
}
