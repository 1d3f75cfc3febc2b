package org.tributary.source.live.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;

/**
 * Logs dropped packets of one broadcast at most once per interval, so a publisher sending garbage
 * cannot flood the log; the line says how many drops it stands for.
 */
public final class DropLog {

    static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Logger log;
    private final String name;
    private final LongSupplier nanoClock;
    private final AtomicLong nextLine;
    private final AtomicLong unlogged = new AtomicLong();

    /**
     * @param log       where the lines go
     * @param name      the broadcast's full path, for the lines
     * @param nanoClock monotonic time in nanoseconds
     */
    public DropLog(Logger log, String name, LongSupplier nanoClock) {
        this.log = log;
        this.name = name;
        this.nanoClock = nanoClock;
        this.nextLine = new AtomicLong(nanoClock.getAsLong());
    }

    /** Counts one dropped packet, and logs the drops so far when the last line is an interval old. */
    public void dropped(int track, String cause) {
        long drops = unlogged.incrementAndGet();
        long now = nanoClock.getAsLong();
        long due = nextLine.get();
        if (now - due >= 0 && nextLine.compareAndSet(due, now + INTERVAL_NANOS)) {
            unlogged.addAndGet(-drops);
            log.warn("broadcast {} dropped {} packet(s), the last on track {}: {}", name, drops, track, cause);
        }
    }
}
