package org.tributary.api.http;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * One request on a streaming port and its answer. Exactly one of {@link #respond}, {@link #stream} or
 * {@link #receive} answers it; the connection then closes when the answer is complete (no keep-alive:
 * streams last as long as the connection). Every method may be called from any thread.
 */
public interface HttpExchange {

    /** The pseudo-method of a Shoutcast v1 source login (a password line, then {@code icy-} headers). */
    String ICY_LOGIN = "ICY";

    /** @return the request method as sent, such as {@code GET}, {@code HEAD}, {@code PUT}, {@code SOURCE}, or {@link #ICY_LOGIN} */
    String method();

    /**
     * @return the request path, percent-decoded, starting with '/', without the query; {@code "/"} for a
     *         Shoutcast v1 login, which names no mount. Untrusted.
     */
    String path();

    /** @return the raw query after '?', or the empty string */
    String query();

    /** @return {@code HTTP/1.0}, {@code HTTP/1.1}, or {@link #ICY_LOGIN} for a Shoutcast v1 login */
    String protocolVersion();

    /** @return the first value of a header, matched case-insensitively, or null */
    String header(String name);

    /**
     * @return every header in arrival order. A Shoutcast v1 login's password line is given as
     *         {@code Authorization: Basic base64("source:" + password)}, and its {@code icy-*} lines as headers.
     */
    List<Map.Entry<String, String>> headers();

    /** @return the client's address */
    InetSocketAddress remote();

    /** @return the local address the request arrived on */
    InetSocketAddress local();

    /** @return the thread serving this connection: work submitted to it needs no hand-off */
    Executor executor();

    /**
     * Answers with a whole body and closes the connection once it is sent.
     *
     * @param status  the HTTP status code; on a Shoutcast v1 login any refusal is sent as its one-line error
     * @param headers response headers (Content-Length and Connection are set by the port)
     * @param body    the body, possibly empty; not sent for {@code HEAD}
     */
    void respond(int status, Map<String, String> headers, byte[] body);

    /**
     * Starts a streamed answer: the status line and headers now, the body through the returned stream
     * until either side closes.
     *
     * @param status  the HTTP status code, usually 200
     * @param headers response headers
     * @return the body's outlet
     */
    ResponseStream stream(int status, Map<String, String> headers);

    /**
     * Accepts the request's body as a stream (a source's audio): the port sends whatever the client's
     * protocol expects on acceptance ({@code 100 Continue} when asked, else {@code 200 OK}, or
     * {@code OK2} to a Shoutcast v1 login) and then hands on the body as it arrives, until the client
     * closes or {@link #close()} is called.
     *
     * @param receiver the body's consumer, called on {@link #executor()}
     */
    void receive(BodyReceiver receiver);

    /** Registers an action run once when the connection closes, for whatever reason; at once if it has. */
    void onClose(Runnable action);

    /** Closes the connection. */
    void close();
}
