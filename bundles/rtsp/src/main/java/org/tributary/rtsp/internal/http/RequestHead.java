package org.tributary.rtsp.internal.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import org.tributary.api.http.HttpExchange;

/**
 * A request head as the handlers see it, from an HTTP request line and headers or a Shoutcast v1 login.
 *
 * @param method  as sent, or {@link HttpExchange#ICY_LOGIN}
 * @param target  the decoded path and the raw query
 * @param version {@code HTTP/1.0}, {@code HTTP/1.1} or {@link HttpExchange#ICY_LOGIN}
 * @param headers in arrival order
 */
record RequestHead(String method, RequestTarget target, String version, HttpHeaders headers) {

    boolean icy() {
        return HttpExchange.ICY_LOGIN.equals(version);
    }

    boolean head() {
        return "HEAD".equals(method);
    }

    boolean expectsContinue() {
        return headers.containsValue(HttpHeaderNames.EXPECT, HttpHeaderValues.CONTINUE, true);
    }

    boolean chunked() {
        return headers.containsValue(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED, true);
    }

    /** For log lines: {@code PUT /radio HTTP/1.1}. */
    @Override
    public String toString() {
        return method + " " + target.path() + " " + version;
    }
}
