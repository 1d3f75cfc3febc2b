package org.tributary.mp3.internal;

import java.time.Instant;

import org.tributary.api.ReceptionStats;
import org.tributary.api.StreamSession;
import org.tributary.api.http.HttpExchange;
import org.tributary.security.ClientText;

/** What sources and listeners are alike as sessions: one HTTP exchange, its client and User-Agent. */
abstract class HttpSession implements StreamSession {

    private final String id;
    private final String client;
    private final String userAgent;
    private final Instant created = Instant.now();

    HttpSession(String id, HttpExchange exchange) {
        this.id = id;
        this.client = exchange.remote().getAddress().getHostAddress() + ":" + exchange.remote().getPort();
        this.userAgent = ClientText.clean(exchange.header("User-Agent"));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String protocol() {
        return "HTTP";
    }

    @Override
    public String clientAddress() {
        return client;
    }

    @Override
    public String userAgent() {
        return userAgent;
    }

    @Override
    public Instant created() {
        return created;
    }

    /** @return none: no RTCP over HTTP */
    @Override
    public ReceptionStats reception() {
        return ReceptionStats.NONE;
    }
}
