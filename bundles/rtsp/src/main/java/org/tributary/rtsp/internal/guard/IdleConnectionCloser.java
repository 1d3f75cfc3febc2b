package org.tributary.rtsp.internal.guard;

import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.security.RefusalLog;

/**
 * Closes a connection that has sent nothing for the idle timeout and carries no session (a session's
 * own timeout decides when a connection with one has gone quiet for too long), and that the server is
 * not keeping from sending by having paused its reading. Each connection keeps
 * the idle timeout in force when it opened.
 */
public final class IdleConnectionCloser extends IdleStateHandler {

    /** Name of this handler in every pipeline. */
    public static final String NAME = "idle-closer";

    private static final Logger LOG = LoggerFactory.getLogger(IdleConnectionCloser.class);
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);

    private final Predicate<Channel> inUse;
    private final long idleMillis;

    /**
     * @param idleMillis how long the connection may send nothing
     * @param inUse      whether a connection carries a session, which keeps it open however quiet it is
     */
    public IdleConnectionCloser(long idleMillis, Predicate<Channel> inUse) {
        super(idleMillis, 0, 0, TimeUnit.MILLISECONDS);
        this.idleMillis = idleMillis;
        this.inUse = inUse;
    }

    @Override
    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent evt) throws Exception {
        // a connection the server stopped reading is the drain timeout's to judge, not silent
        if (evt.state() == IdleState.READER_IDLE && !OutboundGuard.paused(ctx.channel()) && !inUse.test(ctx.channel())) {
            REFUSALS.info(ctx.channel().remoteAddress(), "Closing the connection from {}: nothing received for {} s and no session (idleTimeout; "
                    + "reading {}, {} bytes unsent)", ctx.channel().remoteAddress(), idleMillis / 1000,
                    ctx.channel().config().isAutoRead() ? "on" : "off", ctx.channel().unsafe().outboundBuffer() == null
                            ? 0 : ctx.channel().unsafe().outboundBuffer().totalPendingWriteBytes());
            ctx.close();
            return;
        }
        super.channelIdle(ctx, evt);
    }
}
