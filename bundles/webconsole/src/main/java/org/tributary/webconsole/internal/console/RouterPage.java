package org.tributary.webconsole.internal.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.tributary.webconsole.internal.api.ApiResponse;
import org.tributary.webconsole.internal.api.ApiRouter;

/**
 * A console page whose data and actions are the JSON API's: {@code GET LABEL/NAME.json} is the API's
 * {@code GET NAME} and {@code METHOD LABEL/api/PATH} its {@code METHOD PATH}, answered by the same
 * {@link ApiRouter} as {@code /tributary/api}. Each page reaches only the API paths it shows.
 */
abstract class RouterPage extends ConsolePage {

    private static final long serialVersionUID = 1L;

    private final transient ApiRouter router;
    private final Set<String> reads;
    private final Set<String> writes;

    /**
     * @param reads  the API names its {@code .json} data may read
     * @param writes the first segments of the API paths its actions may change
     */
    RouterPage(String label, ApiRouter router, Set<String> reads, Set<String> writes) {
        super(label);
        this.router = router;
        this.reads = reads;
        this.writes = writes;
    }

    @Override
    void data(String name, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!reads.contains(name)) {
            send(response, ApiResponse.message(HttpServletResponse.SC_NOT_FOUND, "No such data: " + name));
            return;
        }
        send(response, router.handle("GET", name, parameters(request), InputStream.nullInputStream()));
    }

    @Override
    void action(String method, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        int slash = path.indexOf('/');
        if (!writes.contains(slash < 0 ? path : path.substring(0, slash))) {
            send(response, ApiResponse.message(HttpServletResponse.SC_NOT_FOUND, "No such action: " + path));
            return;
        }
        send(response, router.handle(method, path, parameters(request), request.getInputStream()));
    }

    /** @return the first value of each query parameter (never the body, which the router reads itself) */
    static Map<String, String> parameters(HttpServletRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = request.getQueryString();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (!name.isEmpty()) {
                parameters.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return "";
        }
    }
}
