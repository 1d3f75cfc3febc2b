package org.tributary.api;

import java.time.Instant;
import java.util.Map;

/**
 * Server-wide counters for management (dashboard, metrics): refusals by status and the totals of every
 * session since the server started. Protocol servers report refusals; the totals come from the
 * {@link SessionRegistry}.
 */
public interface ServerStats {

    /** @return when the counters started (the core bundle's start) */
    Instant started();

    /**
     * Counts a refused request or connection.
     *
     * @param protocol the protocol that refused, such as {@code "RTSP"} or {@code "HTTP"}
     * @param status   the status answered, such as 401, 403, 453 or 503
     */
    void refused(String protocol, int status);

    /** @return refusals so far by status, in status order */
    Map<Integer, Long> refusals();

    /** @return the totals of every session since {@link #started()}, ended and open */
    Totals totals();

    /**
     * Totals of sessions.
     *
     * @param sessions        sessions created
     * @param bytesSent       media bytes sent to clients
     * @param packetsSent     media packets sent to clients
     * @param bytesReceived   media bytes received from publishers and sources
     * @param packetsReceived media packets received from publishers and sources
     */
    record Totals(long sessions, long bytesSent, long packetsSent, long bytesReceived, long packetsReceived) {
    }
}
