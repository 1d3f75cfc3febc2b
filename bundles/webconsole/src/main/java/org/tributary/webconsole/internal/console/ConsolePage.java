package org.tributary.webconsole.internal.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.tributary.webconsole.internal.api.ApiResponse;
import org.tributary.webconsole.internal.http.RequestGuard;
import org.tributary.webconsole.internal.model.Html;

/**
 * One page of the "Streaming" category of the Felix Web Console: a plain servlet registered with
 * {@code felix.webconsole.label}, which the console wraps in its own header, menu and footer (and guards
 * with its login). Under {@code /system/console/LABEL} it answers:
 * <ul>
 * <li>{@code GET LABEL}: the page, static markup from {@code res/tributary/LABEL.html} and its scripts,
 * which draw every value from JSON with {@code textContent}, never markup;</li>
 * <li>{@code GET LABEL/res/...}: its scripts and styles (the console spools them through
 * {@link #getResource(String)});</li>
 * <li>{@code GET LABEL/NAME.json}: data, from {@link #data}; the console hands a request whose last path
 * segment has an extension to the servlet as is, without its page frame;</li>
 * <li>{@code POST|PUT|DELETE LABEL/api/...}: actions, from {@link #action}, past the API's CSRF check
 * ({@link RequestGuard}; the pages send its header).</li>
 * </ul>
 */
abstract class ConsolePage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The Web Console menu category of every page. */
    static final String CATEGORY = "Streaming";
    private static final String ACTIONS = "/api/";
    private static final Set<String> METHODS = Set.of("POST", "PUT", "DELETE");

    private final String label;

    ConsolePage(String label) {
        this.label = label;
    }

    /** @return the console label, the last segment of the page's URL */
    final String label() {
        return label;
    }

    /**
     * Answers {@code GET LABEL/NAME.json}.
     *
     * @param name the name before {@code .json}
     */
    abstract void data(String name, HttpServletRequest request, HttpServletResponse response) throws IOException;

    /**
     * Answers a state-changing request below {@code LABEL/api/}; the CSRF check passed already.
     *
     * @param method {@code POST}, {@code PUT} or {@code DELETE}
     * @param path   the path after {@code api/}, decoded
     */
    abstract void action(String method, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String rest = rest(request);
        if (rest.isEmpty() || "/".equals(rest)) {
            page(request, response.getWriter());
        } else if (rest.endsWith(".json") && rest.indexOf('/', 1) < 0) {
            noCache(response);
            data(rest.substring(1, rest.length() - ".json".length()), request, response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws javax.servlet.ServletException, IOException {
        String method = request.getMethod();
        if (!METHODS.contains(method)) {
            super.service(request, response);
            return;
        }
        String rest = rest(request);
        noCache(response);
        Optional<String> refusal = RequestGuard.refusal(method, request.getHeader(RequestGuard.HEADER),
                request.getHeader("Origin"), request.getHeader("Host"));
        if (refusal.isPresent()) {
            send(response, ApiResponse.message(HttpServletResponse.SC_FORBIDDEN, refusal.get()));
        } else if (!rest.startsWith(ACTIONS)) {
            send(response, ApiResponse.message(HttpServletResponse.SC_NOT_FOUND, "No such action: " + rest));
        } else {
            action(method, rest.substring(ACTIONS.length()), request, response);
        }
    }

    /**
     * The console's resource hook (found by name): {@code /LABEL/res/tributary/x.js} is served from this
     * bundle's {@code res/tributary/x.js}.
     */
    protected URL getResource(String path) {
        String prefix = "/" + label + "/res/tributary/";
        if (path == null || !path.startsWith(prefix) || path.contains("..")) {
            return null;
        }
        return ConsolePage.class.getResource("/res/tributary/" + path.substring(prefix.length()));
    }

    /** Writes {@code answer} as the JSON response. */
    static void send(HttpServletResponse response, ApiResponse answer) throws IOException {
        response.setStatus(answer.status());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(answer.json());
    }

    private void page(HttpServletRequest request, PrintWriter out) throws IOException {
        String root = pluginRoot(request);
        out.println("<link rel='stylesheet' type='text/css' href='" + Html.escape(root) + "/res/tributary/tributary.css'/>");
        out.println("<div id='tributary' data-page='" + Html.escape(label) + "' data-root='" + Html.escape(root) + "'>");
        out.println("<p class='statline' id='tributary-status'>&nbsp;</p>");
        out.println("<p class='tributary-updated' id='tributary-updated'></p>");
        out.println(template(label + ".html"));
        out.println("</div>");
        for (String script : new String[] {"tributary.js", label + ".js"}) {
            out.println("<script type='text/javascript' src='" + Html.escape(root) + "/res/tributary/" + script
                    + "'></script>");
        }
    }

    /** @return the URL of this page, as the console computed it, or from the request */
    private String pluginRoot(HttpServletRequest request) {
        Object root = request.getAttribute("felix.webconsole.pluginRoot");
        return root instanceof String text ? text : request.getContextPath() + request.getServletPath() + "/" + label;
    }

    /** @return the path after {@code /LABEL}, or empty */
    private String rest(HttpServletRequest request) {
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        String prefix = "/" + label;
        return info.startsWith(prefix) ? info.substring(prefix.length()) : info;
    }

    private static String template(String name) throws IOException {
        try (InputStream in = ConsolePage.class.getResourceAsStream("/res/tributary/" + name)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void noCache(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }
}
