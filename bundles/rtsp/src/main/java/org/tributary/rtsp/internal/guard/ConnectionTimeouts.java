package org.tributary.rtsp.internal.guard;

import java.time.Duration;

/**
 * The deadlines every connection of the RTSP ports runs under, whatever protocol it speaks.
 *
 * @param request how long a request (an RTSP request, the HTTP head of a tunnel's GET or POST) may take to
 *                arrive whole, from its first byte
 * @param idle    how long a connection that carries no session may send nothing
 * @param drain   how long a connection's outbound buffer may stay above its high-water mark (the client
 *                does not read) before the connection is closed
 */
public record ConnectionTimeouts(Duration request, Duration idle, Duration drain) {

    /** The defaults of {@code etc/org.tributary.rtsp.cfg}. */
    public static final ConnectionTimeouts DEFAULTS = new ConnectionTimeouts(Duration.ofSeconds(15),
            Duration.ofSeconds(60), Duration.ofSeconds(15));
}
