package org.tributary.rtsp.internal.guard;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;

/**
 * Sits between a protocol's decoders and its request handler: every decoded message stops the
 * connection's {@link RequestDeadline}, and requests are counted until their response is written, so a
 * client that pipelines requests faster than they are answered (asynchronous answers never fill the
 * outbound buffer) stops being read at {@value #MAX_IN_FLIGHT} requests in flight.
 */
public final class RequestBoundary extends ChannelDuplexHandler {

    /** Name of this handler in every pipeline. */
    public static final String NAME = "request-boundary";
    /** Requests a connection may have waiting for their answers before it stops being read. */
    public static final int MAX_IN_FLIGHT = 16;

    private int inFlight;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        RequestDeadline.completed(ctx.pipeline());
        if (msg instanceof HttpRequest && ++inFlight == MAX_IN_FLIGHT) {
            busy(ctx, true);
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpResponse && inFlight > 0 && --inFlight == MAX_IN_FLIGHT / 2) {
            busy(ctx, false);
        }
        super.write(ctx, msg, promise);
    }

    private static void busy(ChannelHandlerContext ctx, boolean busy) {
        OutboundGuard guard = OutboundGuard.of(ctx.channel());
        if (guard != null) {
            guard.busy(busy);
        }
    }
}
