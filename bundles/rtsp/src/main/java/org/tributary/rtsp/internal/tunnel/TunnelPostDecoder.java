package org.tributary.rtsp.internal.tunnel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.security.RefusalLog;

/**
 * Reads a tunnel POST's body, whatever its Content-Length said (clients announce 32767 and go on as
 * long as they need): base64 text, decoded and handed to the tunnel's GET connection. Invalid base64
 * closes the whole tunnel with a log line that names the cause.
 */
final class TunnelPostDecoder extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(TunnelPostDecoder.class);
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);

    private final Tunnel tunnel;
    private final Base64Stream base64 = new Base64Stream();
    private boolean failed;

    TunnelPostDecoder(Tunnel tunnel) {
        this.tunnel = tunnel;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            ByteBuf text = msg instanceof ByteBuf bytes ? bytes
                    : msg instanceof ByteBufHolder holder ? holder.content() : null;
            if (text == null || failed) {
                return;
            }
            ByteBuf decoded = ctx.alloc().buffer(text.readableBytes() * 3 / 4 + 3);
            try {
                base64.decode(text, decoded);
            } catch (IllegalArgumentException e) {
                decoded.release();
                failed = true;
                REFUSALS.info(ctx.channel().remoteAddress(),
                        "RTSP-over-HTTP tunnel from {}: invalid base64 in its POST ({}); closing the tunnel",
                        ctx.channel().remoteAddress(), e.getMessage());
                tunnel.close();
                ctx.close();
                return;
            }
            if (decoded.isReadable()) {
                tunnel.inject(decoded, ctx.channel());
            } else {
                decoded.release();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        tunnel.detach(ctx.channel());
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("RTSP-over-HTTP tunnel POST from {} failed", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }
}
