package org.tributary.webconsole.internal.api;

import java.io.InputStream;
import java.util.Arrays;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tributary.api.MediaLibrary;
import org.tributary.webconsole.internal.json.JsonWriter;
import org.tributary.webconsole.internal.model.Actions;
import org.tributary.webconsole.internal.model.Reports;
import org.tributary.webconsole.internal.model.Services;

/**
 * Maps an API request (method, sub-path, parameters, body) to a status and a JSON answer. The JSON API
 * servlet and the console pages both call it, so both answer the same. Authentication and the CSRF
 * check happen before (in the servlet context and the console).
 *
 * <table>
 * <caption>Routes</caption>
 * <tr><td>GET</td><td>status, sessions[?path=&amp;address=], broadcasts, stations, media, playlists,
 * relays, log[?filter=], history</td></tr>
 * <tr><td>DELETE</td><td>sessions/{id} (kick), media/{name}</td></tr>
 * <tr><td>POST</td><td>service/start, service/stop, playlists/{path}/start|stop|skip, playlists (create)</td></tr>
 * <tr><td>PUT, POST</td><td>media/{name} (upload)</td></tr>
 * </table>
 */
@Component(service = ApiRouter.class)
public class ApiRouter {

    private static final Set<String> READS = Set.of("status", "sessions", "broadcasts", "stations", "media",
            "playlists", "relays", "log", "history");

    private final Services services;
    private final Reports reports;
    private final Actions actions;

    /** @param services the management model */
    @Activate
    public ApiRouter(@Reference Services services) {
        this.services = services;
        this.reports = new Reports(services);
        this.actions = new Actions(services);
    }

    /**
     * @param method the HTTP method
     * @param path   the path below the API root, such as {@code status} or {@code sessions/42}
     * @param params the query or form parameters (first value of each)
     * @param body   the request body, read only by uploads and creations; may be empty
     * @return the status and JSON to answer
     */
    public ApiResponse handle(String method, String path, Map<String, String> params, InputStream body) {
        List<String> parts = split(path);
        if (parts.isEmpty()) {
            return ApiResponse.message(404, "Unknown API path; try status, sessions, broadcasts, stations,"
                    + " media, playlists, relays, log or history");
        }
        String head = parts.get(0);
        Route route = route(method, head, parts, params, body);
        if (route == null) {
            return ApiResponse.message(404, "Unknown API path: " + String.join("/", parts));
        }
        if (route.allowed().contains(method)) {
            return route.call().get();
        }
        return new ApiResponse(405, notAllowed(method, route.allowed()));
    }

    /**
     * @param path the path below the API root
     * @return the methods it takes, for an {@code Allow} header; empty for an unknown path
     */
    public Set<String> allowedMethods(String path) {
        List<String> parts = split(path);
        Route route = parts.isEmpty() ? null : route("GET", parts.get(0), parts, Map.of(), null);
        return route == null ? Set.of() : route.allowed();
    }

    /**
     * Refuses an upload before its body is read when its announced length is over the library's limit.
     *
     * @param method        the HTTP method
     * @param path          the path below the API root
     * @param contentLength the announced body length, -1 when unknown
     * @return 413 for an upload known to be too large, else empty (the limit is checked again while reading)
     */
    public Optional<ApiResponse> refuseEarly(String method, String path, long contentLength) {
        List<String> parts = split(path);
        boolean upload = (method.equals("PUT") || method.equals("POST")) && parts.size() > 1
                && parts.get(0).equals("media");
        long max = services.media().map(MediaLibrary::maxUploadBytes).orElse(Long.MAX_VALUE);
        return upload && contentLength > max ? Optional.of(Actions.tooLarge(max)) : Optional.empty();
    }

    private Route route(String method, String head, List<String> parts, Map<String, String> params,
                        InputStream body) {
        String rest = String.join("/", parts.subList(1, parts.size()));
        if (parts.size() == 1 && READS.contains(head)) {
            if (head.equals("playlists")) {
                return new Route(Set.of("GET", "POST"), () -> method.equals("POST")
                        ? actions.createPlaylist(body) : ApiResponse.ok(reports.playlists()));
            }
            return new Route(Set.of("GET"), () -> ApiResponse.ok(reports.read(head, params, Instant.now())));
        }
        switch (head) {
            case "sessions":
                return new Route(Set.of("DELETE"), () -> actions.kick(rest));
            case "service":
                return parts.size() == 2 && (rest.equals("start") || rest.equals("stop"))
                        ? new Route(Set.of("POST"), () -> actions.serve(rest.equals("start"))) : null;
            case "media":
                return new Route(Set.of("PUT", "POST", "DELETE"), () -> method.equals("DELETE")
                        ? actions.deleteMedia(rest) : actions.upload(rest, body));
            case "playlists":
                String verb = parts.get(parts.size() - 1);
                if (parts.size() < 3 || !Set.of("start", "stop", "skip").contains(verb)) {
                    return null;
                }
                String programme = String.join("/", parts.subList(1, parts.size() - 1));
                return new Route(Set.of("POST"), () -> actions.programme(programme, verb));
            default:
                return null;
        }
    }

    private static List<String> split(String path) {
        if (path == null) {
            return List.of();
        }
        return Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toList();
    }

    private record Route(Set<String> allowed, Supplier<ApiResponse> call) {
    }

    private static String notAllowed(String method, Set<String> allowed) {
        List<String> methods = allowed.stream().sorted().toList();
        return JsonWriter.json(w -> {
            w.object().field("message", method + " is not allowed here; use " + String.join(", ", methods));
            w.array("allow");
            methods.forEach(w::value);
            w.end().end();
        });
    }
}
