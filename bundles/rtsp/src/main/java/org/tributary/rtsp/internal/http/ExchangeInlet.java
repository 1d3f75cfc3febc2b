package org.tributary.rtsp.internal.http;

import java.util.ArrayDeque;
import java.util.Queue;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.http.BodyReceiver;
import org.tributary.security.RefusalLog;

/**
 * What a connection sends after its request head, for the exchange: raw bytes (the HTTP decoder is gone),
 * or de-chunked {@link HttpContent} when the body is {@code Transfer-Encoding: chunked} (the decoder stays and
 * the last chunk ends the body). Until the handler accepts the body, up to {@value #MAX_HELD} bytes are
 * held; more closes the connection. After a respond or stream, whatever arrives is dropped. It also tells
 * the exchange when the connection's writability changes and when it closes, and ends the body once.
 */
final class ExchangeInlet extends ChannelInboundHandlerAdapter {

    /** Body bytes held while the handler decides (one read's worth; a paced source sends far less). */
    static final int MAX_HELD = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeInlet.class);
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);

    private final NettyExchange exchange;
    private final Queue<ByteBuf> held = new ArrayDeque<>();
    private int heldBytes;
    private ChannelHandlerContext ctx;
    private BodyReceiver receiver;
    private boolean discarding;
    /** The body is over: its last chunk arrived, or the connection closed. */
    private boolean complete;
    /** The receiver was told. */
    private boolean ended;
    private Throwable failure;

    ExchangeInlet(NettyExchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        ByteBuf bytes = msg instanceof ByteBuf buf ? buf : msg instanceof HttpContent content ? content.content() : null;
        try {
            if (bytes != null && bytes.isReadable() && !discarding && !complete) {
                if (receiver != null) {
                    if (failure == null) {
                        deliver(bytes);
                    }
                } else {
                    hold(bytes);
                }
            }
            if (msg instanceof LastHttpContent && exchange.requestHead().chunked() && !discarding && !complete) {
                complete = true;
                if (receiver != null) {
                    end();
                    context.close();
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) throws Exception {
        exchange.writabilityChanged();
        super.channelWritabilityChanged(context);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        complete = true;
        end();
        super.channelInactive(context);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        LOG.debug("HTTP exchange {} from {} failed", exchange.requestHead(), context.channel().remoteAddress(), cause);
        failure = cause;
        context.close();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        releaseHeld();
    }

    /** On the loop: the handler accepted the body; what was held goes first. */
    void deliverTo(BodyReceiver bodyReceiver) {
        receiver = bodyReceiver;
        while (!held.isEmpty() && failure == null) {
            ByteBuf next = held.poll();
            try {
                deliver(next);
            } finally {
                next.release();
            }
        }
        releaseHeld();
        if (complete || !ctx.channel().isActive()) {
            end();
            ctx.close();
        }
    }

    /** On the loop: the exchange answered without reading the body. */
    void discard() {
        discarding = true;
        releaseHeld();
    }

    private void hold(ByteBuf bytes) {
        heldBytes += bytes.readableBytes();
        if (heldBytes > MAX_HELD) {
            REFUSALS.info(ctx.channel().remoteAddress(), "Closing the connection from {}: {} sent more than {} "
                    + "bytes of body before its handler accepted it", ctx.channel().remoteAddress(),
                    exchange.requestHead(), MAX_HELD);
            discard();
            ctx.close();
            return;
        }
        held.add(bytes.retain());
    }

    private void deliver(ByteBuf bytes) {
        try {
            receiver.data(bytes.nioBuffer());
        } catch (RuntimeException e) {
            REFUSALS.warn(ctx.channel().remoteAddress(), "The body receiver of {} from {} failed ({}); closing "
                    + "the connection", exchange.requestHead(), ctx.channel().remoteAddress(), e.toString());
            failure = e;
            ctx.close();
        }
    }

    /** Tells the receiver, once, that the body ended (with the connection's failure, if any). */
    private void end() {
        if (ended || receiver == null) {
            return;
        }
        ended = true;
        releaseHeld();
        try {
            receiver.ended(failure);
        } catch (RuntimeException e) {
            LOG.warn("The body receiver of {} failed at its end", exchange.requestHead(), e);
        }
    }

    private void releaseHeld() {
        for (ByteBuf buf; (buf = held.poll()) != null; ) {
            buf.release();
        }
        heldBytes = 0;
    }
}
