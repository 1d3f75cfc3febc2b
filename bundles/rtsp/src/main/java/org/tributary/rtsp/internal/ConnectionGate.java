package org.tributary.rtsp.internal;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.tributary.api.AccessService;

/**
 * Counts every connection of an RTSP port against the per-address cap the moment it opens, before it
 * says anything (RTSP, a tunnel's GET or POST alike), and closes it at once when the cap is reached.
 */
@ChannelHandler.Sharable
final class ConnectionGate extends ChannelInboundHandlerAdapter {

    private final AccessService access;

    ConnectionGate(AccessService access) {
        this.access = access;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (!access.connectionOpened(ServerContext.clientAddress(ctx.channel()))) {
            ctx.close();
            return;
        }
        // counted: given back when it closes, however it ends
        ctx.channel().closeFuture().addListener(
                closed -> access.connectionClosed(ServerContext.clientAddress(ctx.channel())));
        super.channelActive(ctx);
    }
}
