package org.tributary.rtsp.internal.guard;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import org.tributary.api.ServerStats;

/**
 * Reports the refusals of the streaming ports to {@link ServerStats} when the core bundle offers it (the
 * server works without): error answers (status 400 and above) and refused connections. Every connection
 * carries the server's counter, so the answering code of each protocol reaches it from its channel.
 */
public final class RefusalCounter {

    /** RTSP answers, and connections refused before they said anything. */
    public static final String RTSP = "RTSP";
    /** Answers to HTTP requests on the streaming ports that no handler took, tunnel refusals, source logins. */
    public static final String HTTP = "HTTP";

    private static final AttributeKey<RefusalCounter> KEY = AttributeKey.valueOf(RefusalCounter.class, "counter");

    private volatile ServerStats stats;

    /** @param next where refusals go from now on */
    public synchronized void stats(ServerStats next) {
        stats = next;
    }

    /** @param gone a statistics service that went away; refusals are no longer counted unless another came */
    public synchronized void unset(ServerStats gone) {
        if (stats == gone) {
            stats = null;
        }
    }

    /** Counts an answer with {@code status} if it is an error (400 or above). */
    public void count(String protocol, int status) {
        ServerStats target = stats;
        if (target != null && status >= 400) {
            target.refused(protocol, status);
        }
    }

    /** Makes this counter the one of a connection's answers. */
    public void attach(Channel connection) {
        connection.attr(KEY).set(this);
    }

    /** Counts an answer written on {@code connection}, with the counter attached to it (none: nothing). */
    public static void count(Channel connection, String protocol, int status) {
        RefusalCounter counter = connection.hasAttr(KEY) ? connection.attr(KEY).get() : null;
        if (counter != null) {
            counter.count(protocol, status);
        }
    }
}
