package org.tributary.rtsp.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.util.concurrent.EventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pacing timer of one event loop, shared by every file session playing on it. Wake-up times
 * are kept in 1 ms ticks; one timer task per loop per tick wakes every session due by then, and
 * only once all of them have written their packets does it flush each of them: the datagrams of
 * many sessions leave in one pass (with shared sockets, in one {@code sendmmsg}), instead of one
 * timer task and one flush per session.
 * <p>
 * A wake-up is rounded down to its tick, so a session wakes at most a tick before the time it
 * asked for, never later. The wheel's state belongs to its loop's thread; {@link #schedule} may be
 * called from any thread (off the loop it costs one task hand-off, as a PLAY from another
 * connection did before). There is no cancel: a session that stopped ignores its last wake-up.
 */
final class PacingWheel {

    /** The granularity of wake-ups. */
    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private static final Logger LOG = LoggerFactory.getLogger(PacingWheel.class);
    private static final Map<EventExecutor, PacingWheel> WHEELS = new ConcurrentHashMap<>();

    /** A session the wheel wakes: its place in the wheel is kept here, so waking it allocates nothing. */
    abstract static class Paced {
        private int slot = -1;
        private long tick;

        /** Writes what is due and asks for the next wake-up; called on the wheel's loop. */
        abstract void wake();

        /** Flushes what {@link #wake()} wrote; called on the wheel's loop after every due session woke. */
        abstract void flush();
    }

    private final EventExecutor loop;
    private final Runnable run = this::run;
    private final List<Paced> woken = new ArrayList<>();
    private Paced[] queue = new Paced[64];
    private int size;
    private ScheduledFuture<?> timer;
    private long timerTick = Long.MAX_VALUE;
    /** The tick being run, or {@link Long#MIN_VALUE} outside a run. */
    private long running = Long.MIN_VALUE;

    private PacingWheel(EventExecutor loop) {
        this.loop = loop;
    }

    /** @return the wheel of {@code loop}, made on first use and forgotten when the loop terminates */
    static PacingWheel of(EventExecutor loop) {
        PacingWheel wheel = WHEELS.get(loop);
        if (wheel == null) {
            PacingWheel made = new PacingWheel(loop);
            wheel = WHEELS.putIfAbsent(loop, made);
            if (wheel == null) {
                wheel = made;
                forgetOnTermination(loop);
            }
        }
        return wheel;
    }

    private static void forgetOnTermination(EventExecutor loop) {
        try {
            loop.terminationFuture().addListener(f -> WHEELS.remove(loop));
        } catch (UnsupportedOperationException e) {
            // a loop that never terminates (Netty's EmbeddedEventLoop): nothing to forget
        }
    }

    /**
     * Wakes {@code paced} on this wheel's loop at {@code dueNanos} ({@link System#nanoTime()}), or
     * at the next tick when that is past; replaces the wake-up it was waiting for, if any.
     */
    void schedule(Paced paced, long dueNanos) {
        if (loop.inEventLoop()) {
            add(paced, dueNanos);
        } else {
            loop.execute(() -> add(paced, dueNanos));
        }
    }

    private void add(Paced paced, long dueNanos) {
        long tick = Math.floorDiv(dueNanos, TICK_NANOS);
        if (running != Long.MIN_VALUE) {
            // woken in this run: not again before the next tick
            tick = Math.max(tick, running + 1);
        }
        if (paced.slot < 0) {
            if (size == queue.length) {
                queue = Arrays.copyOf(queue, size * 2);
            }
            paced.slot = size;
            queue[size++] = paced;
            paced.tick = tick;
            up(paced.slot);
        } else {
            long old = paced.tick;
            paced.tick = tick;
            if (tick < old) {
                up(paced.slot);
            } else {
                down(paced.slot);
            }
        }
        if (running == Long.MIN_VALUE) {
            arm();
        }
    }

    /** Makes the timer fire at the earliest tick waited for. */
    private void arm() {
        if (size == 0) {
            return;
        }
        long first = queue[0].tick;
        if (timer != null && timerTick <= first) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        timerTick = first;
        timer = loop.schedule(run, Math.max(0, first * TICK_NANOS - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void run() {
        timer = null;
        timerTick = Long.MAX_VALUE;
        running = Math.floorDiv(System.nanoTime(), TICK_NANOS);
        try {
            while (size > 0 && queue[0].tick <= running) {
                Paced paced = poll();
                woken.add(paced);
                try {
                    paced.wake();
                } catch (RuntimeException e) {
                    LOG.error("A paced session failed", e);
                }
            }
            for (Paced paced : woken) {
                try {
                    paced.flush();
                } catch (RuntimeException e) {
                    LOG.error("A paced session failed to flush", e);
                }
            }
        } finally {
            woken.clear();
            running = Long.MIN_VALUE;
            arm();
        }
    }

    private Paced poll() {
        Paced first = queue[0];
        Paced last = queue[--size];
        queue[size] = null;
        first.slot = -1;
        if (size > 0) {
            queue[0] = last;
            last.slot = 0;
            down(0);
        }
        return first;
    }

    private void up(int at) {
        Paced moving = queue[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (queue[parent].tick <= moving.tick) {
                break;
            }
            place(queue[parent], at);
            at = parent;
        }
        place(moving, at);
    }

    private void down(int at) {
        Paced moving = queue[at];
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && queue[child + 1].tick < queue[child].tick) {
                child++;
            }
            if (moving.tick <= queue[child].tick) {
                break;
            }
            place(queue[child], at);
            at = child;
        }
        place(moving, at);
    }

    private void place(Paced paced, int at) {
        queue[at] = paced;
        paced.slot = at;
    }
}
