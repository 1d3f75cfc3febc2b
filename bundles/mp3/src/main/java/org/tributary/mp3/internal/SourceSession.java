package org.tributary.mp3.internal;

import org.tributary.api.http.HttpExchange;

/**
 * A source feeding a station, as management sees it: a publishing session in the registry, so the shell and
 * the console list it and {@code stream:kick} ends it (the source's connection closes).
 */
final class SourceSession extends HttpSession {

    private final SourceFeed feed;
    private final String mount;
    private final String transport;

    SourceSession(String id, SourceFeed feed, String mount, HttpExchange exchange) {
        super(id, exchange);
        this.feed = feed;
        this.mount = mount;
        this.transport = HttpExchange.ICY_LOGIN.equals(exchange.method()) ? "ICY (in)" : "MP3 (in)";
    }

    @Override
    public String kind() {
        return PUBLISHER;
    }

    @Override
    public String path() {
        return mount;
    }

    @Override
    public String state() {
        return feed.finished() ? "ENDED" : "SOURCING";
    }

    @Override
    public String transport() {
        return transport;
    }

    @Override
    public String userName() {
        return SourceLogin.USER;
    }

    @Override
    public long bytesSent() {
        return 0;
    }

    @Override
    public long packetsSent() {
        return 0;
    }

    @Override
    public long bytesReceived() {
        return feed.bytesReceived();
    }

    /** @return the MP3 frames received */
    @Override
    public long packetsReceived() {
        return feed.framesReceived();
    }

    /** Ends the source: its station goes off the air (or to its fallback) and its connection closes. */
    @Override
    public void close() {
        feed.stop("ended by the server");
    }
}
