package org.tributary.rtsp.internal.guard;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.Test;

/** Read pausing above the water mark, reads held back while paused, and the drain timeout. */
public class OutboundGuardTest {

    private static final ConnectionTimeouts TIMEOUTS = new ConnectionTimeouts(Duration.ofSeconds(5),
            Duration.ofSeconds(5), Duration.ofSeconds(3));

    private final AtomicInteger readsPassed = new AtomicInteger();
    private final AtomicInteger resumedEvents = new AtomicInteger();

    private EmbeddedChannel channel() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
            @Override
            public void read(ChannelHandlerContext ctx) {
                readsPassed.incrementAndGet();
                ctx.read();
            }
        }).addLast(OutboundGuard.NAME, new OutboundGuard(() -> TIMEOUTS)).addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                if (evt == OutboundGuard.READING_RESUMED) {
                    resumedEvents.incrementAndGet();
                }
            }
        });
        return channel;
    }

    /** Queues without flushing, as toward a client that does not read. */
    private static void queue(EmbeddedChannel channel, int bytes) {
        channel.write(Unpooled.wrappedBuffer(new byte[bytes]));
    }

    @Test
    public void readingStopsAboveTheHighMarkAndResumesBelowTheLowMark() {
        EmbeddedChannel channel = channel();
        assertEquals(OutboundGuard.WATER_MARK, channel.config().getWriteBufferWaterMark());
        queue(channel, 70 * 1024);
        assertFalse(channel.isWritable());
        assertFalse("reading paused", channel.config().isAutoRead());
        assertTrue(OutboundGuard.paused(channel));
        readsPassed.set(0);
        channel.read();
        assertEquals("a decoder's read request is held back while paused", 0, readsPassed.get());
        channel.flush();
        assertTrue(channel.isWritable());
        assertTrue("reading resumed", channel.config().isAutoRead());
        assertFalse(OutboundGuard.paused(channel));
        assertEquals(1, resumedEvents.get());
        channel.finishAndReleaseAll();
    }

    @Test
    public void aConnectionThatDoesNotDrainIsClosedAfterTheDrainTimeout() {
        EmbeddedChannel channel = channel();
        queue(channel, 70 * 1024);
        channel.advanceTimeBy(2900, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertTrue("still within the drain timeout", channel.isActive());
        channel.advanceTimeBy(200, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertFalse("closed after the drain timeout", channel.isActive());
        channel.finishAndReleaseAll();
    }

    @Test
    public void aConnectionThatDrainsInTimeStaysOpen() {
        EmbeddedChannel channel = channel();
        queue(channel, 70 * 1024);
        channel.advanceTimeBy(2, TimeUnit.SECONDS);
        channel.flush();
        channel.advanceTimeBy(2, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertTrue(channel.isActive());
        channel.readOutbound();
        channel.finishAndReleaseAll();
    }

    @Test
    public void tooManyRequestsInFlightPauseReadingUntilAnswered() {
        EmbeddedChannel channel = channel();
        OutboundGuard guard = OutboundGuard.of(channel);
        guard.busy(true);
        assertFalse(channel.config().isAutoRead());
        queue(channel, 70 * 1024);
        channel.flush();
        assertFalse("still busy though writable", channel.config().isAutoRead());
        guard.busy(false);
        assertTrue(channel.config().isAutoRead());
        channel.finishAndReleaseAll();
    }
}
