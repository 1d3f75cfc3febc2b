package org.tributary.rtsp.internal.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.http.HttpHandler;

/**
 * The {@link HttpHandler} services of the streaming ports, chosen by the longest path prefix of their
 * {@link HttpHandler#PREFIX} property. Handlers come and go while requests are served: a lookup reads one
 * snapshot, and the connections a handler was serving are closed when it goes away, so no connection is
 * left with a handler whose bundle stopped.
 */
public final class HttpHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(HttpHandlers.class);

    /** A prefix and the handler that claims it. */
    record Claim(String prefix, HttpHandler handler) {
    }

    private final Map<HttpHandler, Set<Channel>> serving = new ConcurrentHashMap<>();
    /** Longest prefix first. */
    private volatile List<Claim> claims = List.of();

    /** Adds a handler (or replaces its prefixes) from its service properties. */
    public synchronized void add(HttpHandler handler, Map<String, ?> properties) {
        List<String> prefixes = prefixes(properties.get(HttpHandler.PREFIX));
        if (prefixes.isEmpty()) {
            LOG.warn("HTTP handler {} has no valid {} property (paths starting with '/'); it gets no requests",
                    handler, HttpHandler.PREFIX);
        }
        List<Claim> next = new ArrayList<>();
        for (Claim claim : claims) {
            if (claim.handler() != handler) {
                next.add(claim);
            }
        }
        for (String prefix : prefixes) {
            next.add(new Claim(prefix, handler));
        }
        next.sort(Comparator.comparingInt((Claim c) -> c.prefix().length()).reversed());
        claims = List.copyOf(next);
        serving.computeIfAbsent(handler, h -> ConcurrentHashMap.newKeySet());
        LOG.info("HTTP handler {} serves {} on the streaming ports", handler, prefixes);
    }

    /** Removes a handler and closes the connections it was serving. */
    public synchronized void remove(HttpHandler handler) {
        claims = claims.stream().filter(claim -> claim.handler() != handler).toList();
        Set<Channel> open = serving.remove(handler);
        if (open != null && !open.isEmpty()) {
            LOG.info("HTTP handler {} is gone; closing its {} connection(s)", handler, open.size());
            open.forEach(Channel::close);
        }
    }

    /** @return the handler with the longest prefix of {@code path}, or null */
    public Claim find(String path) {
        for (Claim claim : claims) {
            String prefix = claim.prefix();
            if (path.startsWith(prefix) || prefix.endsWith("/") && prefix.length() == path.length() + 1
                    && prefix.startsWith(path)) {
                return claim;
            }
        }
        return null;
    }

    /**
     * Counts a connection as served by {@code handler} until it closes.
     *
     * @return false when the handler is gone already (the connection should be refused)
     */
    boolean serve(HttpHandler handler, Channel connection) {
        Set<Channel> open = serving.get(handler);
        if (open == null) {
            return false;
        }
        open.add(connection);
        connection.closeFuture().addListener(closed -> open.remove(connection));
        // removed in the meantime: its closing pass may have missed this connection
        return serving.get(handler) == open;
    }

    private static List<String> prefixes(Object property) {
        Collection<?> values = property instanceof String text ? List.of(text)
                : property instanceof String[] array ? List.of(array)
                : property instanceof Collection<?> collection ? collection : List.of();
        List<String> prefixes = new ArrayList<>();
        for (Object value : values) {
            if (value instanceof String prefix && prefix.startsWith("/")) {
                prefixes.add(prefix);
            }
        }
        return prefixes;
    }
}
