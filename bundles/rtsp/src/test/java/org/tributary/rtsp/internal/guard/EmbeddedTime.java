package org.tributary.rtsp.internal.guard;

import java.util.concurrent.TimeUnit;

import io.netty.channel.embedded.EmbeddedChannel;

/** Moves the frozen clock of an {@link EmbeddedChannel} and runs the timers that fell due. */
final class EmbeddedTime {

    private EmbeddedTime() {
    }

    static void after(EmbeddedChannel channel, long seconds) {
        channel.advanceTimeBy(seconds, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
    }
}
