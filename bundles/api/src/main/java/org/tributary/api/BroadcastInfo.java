package org.tributary.api;

import java.time.Instant;
import java.util.List;

/**
 * A live broadcast as management tools see it.
 *
 * @param path      the request path, starting with '/'
 * @param publisher the publisher's address as {@code host:port}
 * @param started   when it was announced
 * @param encodings the tracks' encodings as announced (such as {@code H264/90000})
 * @param packetsIn RTP packets received
 * @param bytesIn   RTP bytes received
 * @param dropped   packets dropped (broken headers, unknown payload types)
 * @param viewers   viewers subscribed now
 */
public record BroadcastInfo(String path, String publisher, Instant started, List<String> encodings, long packetsIn,
                            long bytesIn, long dropped, int viewers) {

    /** Copies the encodings. */
    public BroadcastInfo {
        encodings = List.copyOf(encodings);
    }
}
