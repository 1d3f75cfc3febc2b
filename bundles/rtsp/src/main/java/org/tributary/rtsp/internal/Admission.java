package org.tributary.rtsp.internal;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.rtsp.RtspResponseStatuses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.security.HeapGuard;
import org.tributary.security.RefusalLog;

/**
 * The server's capacity, as QTSS's settings set it: at most so many sessions (playing and publishing)
 * and so much throughput. A new session reserves the bit rate of what it plays; one that would pass a
 * limit is refused before any media is sent: 503 Too Many Sessions over the session count, 453 Not
 * Enough Bandwidth over the throughput (and only then). The reservation is the presentation's own bit rate, not the rate measured at
 * the moment, so that admission does not depend on where each stream is in its group of pictures.
 * Limits change at any time; sessions already admitted are never cut. While the heap is nearly full
 * ({@link HeapGuard}), new sessions get 503 Low On Memory, so those admitted keep the memory they need.
 */
final class Admission {

    private static final Logger LOG = LoggerFactory.getLogger(Admission.class);
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);
    /** Over maxConnections: the reason phrase names the cause, not a generic unavailability. */
    static final HttpResponseStatus TOO_MANY_SESSIONS = new HttpResponseStatus(503, "Too Many Sessions");
    /** The heap is nearly full: the reason phrase names it. */
    static final HttpResponseStatus LOW_ON_MEMORY = new HttpResponseStatus(503, "Low On Memory");

    private volatile int maxSessions;
    private volatile long maxBitsPerSecond;
    private volatile HeapGuard heap;
    private int sessions;
    private long reservedBits;

    /**
     * @param maxSessions       most sessions at once; 0 for no limit
     * @param maxKbitsPerSecond most reserved throughput in kbit/s; 0 for no limit
     */
    void limits(int maxSessions, long maxKbitsPerSecond) {
        this.maxSessions = maxSessions;
        this.maxBitsPerSecond = maxKbitsPerSecond * 1000;
    }

    /** @param guard the heap's guard, asked before each session is admitted; null for none */
    void heap(HeapGuard guard) {
        this.heap = guard;
    }

    /**
     * Admits a session, reserving its bit rate, or refuses it.
     *
     * @param bitsPerSecond what it will send; 0 for a session that sends nothing (a publisher) or unknown
     * @param what          the path and client, for the log line of a refusal
     * @throws RtspException 503 or 453, after one log line that names the limit
     */
    synchronized void admit(long bitsPerSecond, String what) throws RtspException {
        int sessionLimit = maxSessions;
        long bitLimit = maxBitsPerSecond;
        HeapGuard guard = heap;
        if (guard != null && guard.full()) {
            throw refused(LOW_ON_MEMORY, what, guard.describe());
        }
        if (sessionLimit > 0 && sessions >= sessionLimit) {
            throw refused(TOO_MANY_SESSIONS, what, sessions + " sessions open, maxConnections is "
                    + sessionLimit);
        }
        if (bitLimit > 0 && bitsPerSecond > 0 && reservedBits + bitsPerSecond > bitLimit) {
            throw refused(RtspResponseStatuses.NOT_ENOUGH_BANDWIDTH, what, (reservedBits / 1000) + " kbit/s reserved + "
                    + (bitsPerSecond / 1000) + " kbit/s asked exceed maxThroughput " + (bitLimit / 1000) + " kbit/s");
        }
        sessions++;
        reservedBits += bitsPerSecond;
    }

    private static RtspException refused(HttpResponseStatus status, String what, String cause) {
        // what ends with the client as host:port: refusals are counted per client address
        REFUSALS.info(what.substring(what.lastIndexOf(' ') + 1), "Refused a session for {}: {} ({} {})", what, cause,
                status.code(), status.reasonPhrase());
        return new RtspException(status, cause);
    }

    /** Gives back what {@link #admit} took. */
    synchronized void release(long bitsPerSecond) {
        sessions--;
        reservedBits -= bitsPerSecond;
    }

    synchronized int sessions() {
        return sessions;
    }

    synchronized long reservedKbitsPerSecond() {
        return reservedBits / 1000;
    }
}
