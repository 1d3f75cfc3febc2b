package org.tributary.source.live.internal.relay;

import java.util.List;
import java.util.Map;

/**
 * One RTSP message read from the origin.
 *
 * @param startLine the first line, such as {@code RTSP/1.0 200 OK}
 * @param status    the status code, or -1 when the message is a request from the server
 * @param headers   header names in lower case to their values in arrival order
 * @param body      the body as UTF-8, {@code ""} without one
 */
record OriginResponse(String startLine, int status, Map<String, List<String>> headers, String body) {

    OriginResponse {
        headers = Map.copyOf(headers);
    }

    /** @return the first value of a header (name in lower case), or {@code null} */
    String header(String name) {
        List<String> values = headers.get(name);
        return values == null ? null : values.get(0);
    }

    /** @return every value of a header (name in lower case) */
    List<String> headers(String name) {
        return headers.getOrDefault(name, List.of());
    }
}
