package org.tributary.source.live.internal;

import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.tributary.security.RefusalLog;

/**
 * Logs dropped packets of one broadcast through a {@link RefusalLog} counted by the broadcast, not by
 * the packets' senders (any address can be forged): at most one line per interval, and the next one
 * says how many drops were left out, so a publisher sending garbage or a flood of forged packets
 * cannot flood the log.
 */
public final class DropLog {

    static final long INTERVAL_NANOS = RefusalLog.DEFAULT_INTERVAL_NANOS;

    private final RefusalLog log;
    private final String name;

    /**
     * @param log       where the lines go
     * @param name      the broadcast's full path, for the lines
     * @param nanoClock monotonic time in nanoseconds
     */
    public DropLog(Logger log, String name, LongSupplier nanoClock) {
        this.log = new RefusalLog(log, INTERVAL_NANOS, 1, nanoClock);
        this.name = name;
    }

    /** Counts one dropped packet, and logs it unless a drop was logged within the interval. */
    public void dropped(int track, String cause) {
        log.warn(name, "broadcast {} dropped a packet on track {}: {}", name, track, cause);
    }
}
