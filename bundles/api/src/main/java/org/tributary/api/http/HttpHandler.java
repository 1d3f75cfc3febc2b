package org.tributary.api.http;

/**
 * A service that answers the HTTP requests arriving on the streaming ports below the path prefixes named
 * by its {@link #PREFIX} service property. The handler with the longest matching prefix is chosen (for equal
 * prefixes, the higher {@code service.ranking}); a request no handler claims is answered 404. The ports' guards (connections per address, request deadline,
 * outbound water mark and drain timeout, idle timeout until a body streams) apply before a handler sees it.
 */
public interface HttpHandler {

    /**
     * Service property: the path prefixes this handler serves ({@code String} or {@code String[]}),
     * each starting with '/', such as {@code "/"} or {@code "/admin/"}.
     */
    String PREFIX = "tributary.http.prefix";

    /**
     * Handles one request. Called on the thread that serves the connection once the request head has
     * arrived whole; it must not block. The handler answers through the exchange (now or later, from any
     * thread); a request it neither answers, streams nor receives is closed when the client goes away.
     *
     * @param exchange the request and the means to answer it; every value in it came from the network
     */
    void handle(HttpExchange exchange);
}
