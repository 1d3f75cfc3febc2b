package org.tributary.itests.support;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One RTSP response as read off the wire.
 *
 * @param statusLine the first line, e.g. {@code RTSP/1.0 200 OK}
 * @param status the status code
 * @param headers header fields by case-insensitive name (the last one wins for repeats)
 * @param body the body decoded as UTF-8, empty when there is none
 */
public record RtspResponse(String statusLine, int status, Map<String, String> headers, String body) {

    /** Copies the headers into an unmodifiable case-insensitive map. */
    public RtspResponse {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = Collections.unmodifiableMap(copy);
    }

    /** Returns a header value, or null when the response has no such header. */
    public String header(String name) {
        return headers.get(name);
    }

    /** Returns the session id of the {@code Session} header without its {@code ;timeout=} part, or null. */
    public String sessionId() {
        String value = header("Session");
        if (value == null) {
            return null;
        }
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim();
    }

    /** Returns the whole response as text, to be attached to an assertion message. */
    public String describe() {
        StringBuilder text = new StringBuilder("\n").append(statusLine).append('\n');
        headers.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        return text.append('\n').append(body).toString();
    }
}
