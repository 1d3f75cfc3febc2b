package org.tributary.webconsole.internal.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tributary.webconsole.internal.http.TributaryContext;

/** Serves the JSON API at {@code /tributary/api/*}; the servlet context has authenticated the request. */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/api/*",
        "osgi.http.whiteboard.servlet.name=tributary-api",
        "osgi.http.whiteboard.context.select=" + TributaryContext.SELECT})
public class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ApiRouter router;

    /** @param router answers the requests */
    @Activate
    public ApiServlet(@Reference ApiRouter router) {
        this.router = router;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> params = query(request.getQueryString());
        params.putIfAbsent("host", request.getServerName());
        String path = request.getPathInfo();
        ApiResponse answer = router.refuseEarly(request.getMethod(), path == null ? "" : path,
                        request.getContentLengthLong())
                .orElseGet(() -> router.handle(request.getMethod(), path, params, body(request)));
        if (answer.status() == 405) {
            response.setHeader("Allow", String.join(", ", router.allowedMethods(path)));
        }
        write(response, answer);
    }

    private static InputStream body(HttpServletRequest request) {
        try {
            return request.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the query string only: a form body is never parsed, so an upload's body stays unread.
     *
     * @param query the raw query string, or null
     * @return the first value of each parameter
     */
    static Map<String, String> query(String query) {
        Map<String, String> params = new HashMap<>();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (!name.isEmpty()) {
                params.putIfAbsent(name, value);
            }
        }
        return params;
    }

    /**
     * Writes an answer as JSON, not cached.
     *
     * @param response the servlet response
     * @param answer   the router's answer
     * @throws IOException when the client went away
     */
    public static void write(HttpServletResponse response, ApiResponse answer) throws IOException {
        response.setStatus(answer.status());
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getWriter().write(answer.json());
    }
}
