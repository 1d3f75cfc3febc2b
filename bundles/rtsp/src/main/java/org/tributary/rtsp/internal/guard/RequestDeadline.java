package org.tributary.rtsp.internal.guard;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.security.RefusalLog;

/**
 * A request must arrive whole within the request timeout from its first byte (slowloris: a header byte
 * every few seconds is closed). Placed in front of the decoders: the first bytes that arrive while no
 * request is under way start the clock, and whatever hands on a decoded request (a {@link RequestBoundary},
 * or a protocol handler through {@link #completed(ChannelPipeline)}) stops it. Time spent with reading
 * paused by the server does not count against the client.
 */
public final class RequestDeadline extends ChannelInboundHandlerAdapter {

    /** Name of this handler in every pipeline. */
    public static final String NAME = "request-deadline";

    private static final Logger LOG = LoggerFactory.getLogger(RequestDeadline.class);
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);

    private final Supplier<ConnectionTimeouts> timeouts;
    private ChannelHandlerContext ctx;
    private boolean armed;
    private long armedAt;
    private ScheduledFuture<?> check;

    /** @param timeouts read at each use, so that a changed request timeout applies to open connections */
    public RequestDeadline(Supplier<ConnectionTimeouts> timeouts) {
        this.timeouts = timeouts;
    }

    /** @return a deadline with the same settings, for another place in a pipeline that changed protocol */
    public RequestDeadline fresh() {
        return new RequestDeadline(timeouts);
    }

    /** Stops the clock of the connection's request deadline, if it has one: a request arrived whole. */
    public static void completed(ChannelPipeline pipeline) {
        RequestDeadline deadline = pipeline.get(RequestDeadline.class);
        if (deadline != null) {
            deadline.armed = false;
        }
    }

    /** Removes the connection's request deadline, if it has one, and returns it (or null). */
    public static RequestDeadline removeFrom(ChannelPipeline pipeline) {
        return pipeline.get(RequestDeadline.class) == null ? null : pipeline.remove(RequestDeadline.class);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) throws Exception {
        if (!armed && msg instanceof ByteBuf bytes && bytes.isReadable()) {
            armed = true;
            armedAt = LoopClock.nanoTime(ctx.executor());
            if (check == null) {
                schedule(timeouts.get().request().toNanos());
            }
        }
        super.channelRead(context, msg);
    }

    private void schedule(long delayNanos) {
        check = ctx.executor().schedule(this::expired, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void expired() {
        check = null;
        if (!armed || !ctx.channel().isActive()) {
            return;
        }
        if (OutboundGuard.paused(ctx.channel())) {
            // the server is not reading: the client cannot finish; its clock starts again when reading resumes
            armedAt = LoopClock.nanoTime(ctx.executor());
        }
        long limit = timeouts.get().request().toNanos();
        long left = limit - (LoopClock.nanoTime(ctx.executor()) - armedAt);
        if (left > 0) {
            schedule(left);
            return;
        }
        REFUSALS.info(ctx.channel().remoteAddress(), "Closing the connection from {}: a request did not arrive whole within {} s (requestTimeout)",
                ctx.channel().remoteAddress(), limit / 1_000_000_000L);
        ctx.close();
    }
}
