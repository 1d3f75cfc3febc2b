package org.tributary.rtsp.internal.guard;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.WriteBufferWaterMark;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.security.RefusalLog;

/**
 * Bounds what a connection can make the server hold for it, whatever it speaks: an explicit write-buffer
 * water mark; reading stops while the outbound buffer is above the high mark (or while the connection
 * has too many requests in flight) and resumes below the low mark; a connection whose buffer does not
 * drain within the drain timeout is closed with one log line. Reads that handlers further down the
 * pipeline ask for while reading is paused (a {@code ByteToMessageDecoder} asks for one whenever a read
 * decoded nothing) are held back here, so a paused connection really reads nothing.
 */
public final class OutboundGuard extends ChannelDuplexHandler {

    /** Name of this handler in every pipeline. */
    public static final String NAME = "outbound-guard";
    /** Below 32 KiB pending the connection is writable again, above 64 KiB it is not (Netty's own defaults). */
    public static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 * 1024, 64 * 1024);
    /** Fired down the pipeline when reading resumes, for handlers that feed the connection from elsewhere. */
    public static final Object READING_RESUMED = new Object() {
        @Override
        public String toString() {
            return "READING_RESUMED";
        }
    };

    private static final Logger LOG = LoggerFactory.getLogger(OutboundGuard.class);
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);
    private static final int UNWRITABLE = 1;
    private static final int BUSY = 2;

    private final Supplier<ConnectionTimeouts> timeouts;
    private ChannelHandlerContext ctx;
    private volatile int pausedBy;
    private long unwritableSince;
    private ScheduledFuture<?> drainCheck;

    /** @param timeouts read at each use, so that a changed drain timeout applies to open connections */
    public OutboundGuard(Supplier<ConnectionTimeouts> timeouts) {
        this.timeouts = timeouts;
    }

    /** @return the guard of a connection, or null when it has none */
    public static OutboundGuard of(Channel channel) {
        return channel.pipeline().get(OutboundGuard.class);
    }

    /** @return true while the connection's reading is paused (a connection without a guard never is) */
    public static boolean paused(Channel channel) {
        OutboundGuard guard = of(channel);
        return guard != null && guard.pausedBy != 0;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
        context.channel().config().setWriteBufferWaterMark(WATER_MARK);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        if (drainCheck != null) {
            drainCheck.cancel(false);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) throws Exception {
        if (context.channel().isWritable()) {
            resume(UNWRITABLE);
        } else {
            unwritableSince = LoopClock.nanoTime(ctx.executor());
            pause(UNWRITABLE);
            if (drainCheck == null) {
                scheduleDrainCheck(timeouts.get().drain().toNanos());
            }
        }
        super.channelWritabilityChanged(context);
    }

    @Override
    public void read(ChannelHandlerContext context) {
        if (pausedBy == 0) {
            context.read();
        }
    }

    /** Stops reading while the connection has too many requests waiting for their answers; on its loop. */
    public void busy(boolean tooManyInFlight) {
        if (tooManyInFlight) {
            pause(BUSY);
        } else {
            resume(BUSY);
        }
    }

    private void pause(int reason) {
        int before = pausedBy;
        pausedBy = before | reason;
        if (before == 0) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    private void resume(int reason) {
        int before = pausedBy;
        pausedBy = before & ~reason;
        if (before != 0 && pausedBy == 0) {
            ctx.channel().config().setAutoRead(true);
            ctx.fireUserEventTriggered(READING_RESUMED);
        }
    }

    private void scheduleDrainCheck(long delayNanos) {
        drainCheck = ctx.executor().schedule(this::checkDrained, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void checkDrained() {
        drainCheck = null;
        Channel channel = ctx.channel();
        if (channel.isWritable() || !channel.isActive()) {
            return;
        }
        long limit = timeouts.get().drain().toNanos();
        long left = limit - (LoopClock.nanoTime(ctx.executor()) - unwritableSince);
        if (left > 0) {
            scheduleDrainCheck(left);
            return;
        }
        REFUSALS.info(channel.remoteAddress(), "Closing the connection from {}: it has not read its {} pending bytes for {} s (drainTimeout)",
                channel.remoteAddress(), channel.unsafe().outboundBuffer() == null ? 0
                        : channel.unsafe().outboundBuffer().totalPendingWriteBytes(), limit / 1_000_000_000L);
        channel.close();
    }
}
