package org.tributary.rtsp.internal.tunnel;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.rtsp.internal.guard.OutboundGuard;
import org.tributary.security.RefusalLog;

/**
 * Heads a tunnel's GET connection pipeline, in front of the RTSP decoders: requests enter there from
 * the POST (through this handler's context), while anything the client sends on the GET connection
 * itself is not part of the protocol and is dropped. When the GET connection's reading resumes after a
 * pause, it lets the tunnel read its POST again.
 */
final class TunnelInlet extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(TunnelInlet.class);
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);

    private final Tunnel tunnel;
    private boolean logged;

    TunnelInlet(Tunnel tunnel) {
        this.tunnel = tunnel;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
        if (!logged) {
            logged = true;
            REFUSALS.info(ctx.channel().remoteAddress(),
                    "RTSP-over-HTTP tunnel from {} sent data on its GET connection; ignored",
                    ctx.channel().remoteAddress());
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == OutboundGuard.READING_RESUMED) {
            tunnel.readingResumed();
        }
        super.userEventTriggered(ctx, evt);
    }
}
