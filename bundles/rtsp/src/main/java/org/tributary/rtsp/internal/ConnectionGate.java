package org.tributary.rtsp.internal;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.tributary.api.AccessService;
import org.tributary.rtsp.internal.guard.RefusalCounter;

/**
 * Counts every connection of an RTSP port against the per-address cap the moment it opens, before it
 * says anything (RTSP, a tunnel's GET or POST alike), and closes it at once when the cap is reached
 * (counted as a 503 refusal).
 */
@ChannelHandler.Sharable
final class ConnectionGate extends ChannelInboundHandlerAdapter {

    private final AccessService access;
    private final RefusalCounter refusals;

    ConnectionGate(AccessService access, RefusalCounter refusals) {
        this.access = access;
        this.refusals = refusals;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (!access.connectionOpened(ServerContext.clientAddress(ctx.channel()))) {
            // no answer (it said nothing yet); counted as what a server answers when it cannot serve more
            refusals.count(RefusalCounter.RTSP, 503);
            ctx.close();
            return;
        }
        // counted: given back when it closes, however it ends
        ctx.channel().closeFuture().addListener(
                closed -> access.connectionClosed(ServerContext.clientAddress(ctx.channel())));
        super.channelActive(ctx);
    }
}
