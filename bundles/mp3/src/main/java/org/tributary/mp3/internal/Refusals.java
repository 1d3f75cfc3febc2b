package org.tributary.mp3.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.tributary.api.ServerStats;
import org.tributary.api.http.HttpExchange;

/**
 * Answers refused requests with a status and a plain-text reason; wrong passwords late, on a timer. Each is
 * counted in {@link ServerStats} when the core bundle offers it.
 */
final class Refusals {

    /** The realm named in Basic challenges. */
    static final String REALM = "Tributary MP3";

    private final ScheduledExecutorService timer;
    private final IntSupplier delayMillis;
    private volatile ServerStats stats;

    Refusals(ScheduledExecutorService timer, IntSupplier delayMillis) {
        this.timer = timer;
        this.delayMillis = delayMillis;
    }

    /** @param next where refusals are counted from now on, or null for nowhere */
    synchronized void stats(ServerStats next) {
        stats = next;
    }

    /** @param gone a statistics service that went away */
    synchronized void unsetStats(ServerStats gone) {
        if (stats == gone) {
            stats = null;
        }
    }

    private void count(int status) {
        ServerStats target = stats;
        if (target != null) {
            target.refused("HTTP", status);
        }
    }

    /** Answers at once. */
    void now(HttpExchange exchange, int status, String reason) {
        count(status);
        exchange.respond(status, headers(status), body(reason));
    }

    /**
     * Answers at once, readable by web pages of any origin, so that a web player tells a station off air or
     * full from a network error (without CORS a page's {@code fetch()} sees only the latter).
     */
    void nowToAnyOrigin(HttpExchange exchange, int status, String reason) {
        Map<String, String> headers = headers(status);
        headers.put("Access-Control-Allow-Origin", "*");
        count(status);
        exchange.respond(status, headers, body(reason));
    }

    /** Answers after the refusal delay, so that passwords cannot be guessed quickly; the thread never waits. */
    void late(HttpExchange exchange, int status, String reason) {
        Map<String, String> headers = headers(status);
        byte[] body = body(reason);
        count(status);
        timer.schedule(() -> exchange.respond(status, headers, body), delayMillis.getAsInt(), TimeUnit.MILLISECONDS);
    }

    private static Map<String, String> headers(int status) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/plain; charset=utf-8");
        if (status == 401) {
            headers.put("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        }
        return headers;
    }

    private static byte[] body(String reason) {
        return (reason + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
