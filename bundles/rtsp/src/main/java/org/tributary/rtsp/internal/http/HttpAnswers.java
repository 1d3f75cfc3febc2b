package org.tributary.rtsp.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * The bytes the port writes for an answer's head, and the fixed acceptances of sources. Header names and
 * values from a handler are cleaned of CR and LF, so no value can end the head early or add a header.
 */
final class HttpAnswers {

    /** Ours: every answer closes its connection, and the port sets the body's length. */
    private static final java.util.Set<String> PORT_HEADERS = java.util.Set.of("content-length", "connection",
            "transfer-encoding");

    static final String CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n";
    static final String SOURCE_ACCEPTED = "HTTP/1.0 200 OK\r\n\r\n";
    static final String ICY_ACCEPTED = "OK2\r\nicy-caps:11\r\n\r\n";
    static final String ICY_REFUSED = "invalid password\r\n";

    private HttpAnswers() {
    }

    /**
     * @param version       {@code HTTP/1.0} or {@code HTTP/1.1}
     * @param contentLength the body's length, or -1 for a body that lasts until the connection closes
     */
    static ByteBuf head(ByteBufAllocator alloc, String version, int status, Map<String, String> headers,
                        long contentLength) {
        StringBuilder text = new StringBuilder(256).append(version).append(' ').append(status).append(' ')
                .append(HttpResponseStatus.valueOf(status).reasonPhrase()).append("\r\n");
        if (headers != null) {
            for (Map.Entry<String, String> header : headers.entrySet()) {
                String name = clean(header.getKey());
                if (!name.isEmpty() && header.getValue() != null
                        && !PORT_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    text.append(name).append(": ").append(clean(header.getValue())).append("\r\n");
                }
            }
        }
        if (contentLength >= 0) {
            text.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        text.append("Connection: close\r\n\r\n");
        return ascii(alloc, text);
    }

    /** The one line a Shoutcast v1 source gets when it is refused. */
    static String icyRefusal(int status) {
        return status == 401 || status == 403 ? ICY_REFUSED
                : status + " " + HttpResponseStatus.valueOf(status).reasonPhrase() + "\r\n";
    }

    static ByteBuf ascii(ByteBufAllocator alloc, CharSequence text) {
        ByteBuf out = alloc.buffer(text.length());
        out.writeCharSequence(text, StandardCharsets.ISO_8859_1);
        return out;
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace('\r', ' ').replace('\n', ' ');
    }
}
