package org.tributary.rtsp.internal.guard;

import io.netty.util.concurrent.AbstractScheduledEventExecutor;
import io.netty.util.concurrent.EventExecutor;

/** The time of an event loop's scheduler, so that deadlines agree with the loop's timers (and tests can move it). */
final class LoopClock {

    private LoopClock() {
    }

    static long nanoTime(EventExecutor loop) {
        return loop instanceof AbstractScheduledEventExecutor scheduled ? scheduled.ticker().nanoTime()
                : System.nanoTime();
    }
}
