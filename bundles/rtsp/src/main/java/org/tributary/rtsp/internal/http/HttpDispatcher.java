package org.tributary.rtsp.internal.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import org.tributary.rtsp.internal.tunnel.HttpTunnels;

/**
 * Behind the HTTP decoder: sends a tunnel request to the tunnel, and any other request head to the
 * handler that claims its path, through {@link HttpPort#dispatch}; then steps out of the pipeline. A
 * request it refuses is answered with an HTTP error, and nothing after it is read.
 */
final class HttpDispatcher extends ChannelInboundHandlerAdapter {

    private final HttpPort port;
    private final HttpTunnels tunnels;
    private boolean refused;

    /** @param tunnels the tunnel registry, or null when tunnelling is off */
    HttpDispatcher(HttpPort port, HttpTunnels tunnels) {
        this.port = port;
        this.tunnels = tunnels;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused || !(msg instanceof HttpRequest request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        String version = HttpVersion.HTTP_1_0.equals(request.protocolVersion()) ? "HTTP/1.0" : "HTTP/1.1";
        if (request.decoderResult().isFailure()) {
            refuse(ctx, version, 400, "malformed HTTP request: " + request.decoderResult().cause().getMessage());
            return;
        }
        if (HttpTunnels.claims(request)) {
            if (tunnels != null) {
                tunnels.takeOver(ctx, request);
            } else {
                refuse(ctx, version, 403, request.method() + " " + request.uri()
                        + " asks for an RTSP-over-HTTP tunnel, and tunnelling is off (httpTunnel)");
            }
            return;
        }
        if (!HttpVersion.HTTP_1_0.equals(request.protocolVersion())
                && !HttpVersion.HTTP_1_1.equals(request.protocolVersion())) {
            refuse(ctx, "HTTP/1.1", 505, request.protocolVersion() + " is not HTTP/1.0 or HTTP/1.1");
            return;
        }
        RequestTarget target;
        try {
            target = RequestTarget.parse(request.uri());
        } catch (IllegalArgumentException e) {
            refuse(ctx, version, 400, request.method() + " with a bad request target (" + e.getMessage() + ")");
            return;
        }
        RequestHead head = new RequestHead(request.method().name(), target, version, request.headers());
        // a chunked body keeps the decoder, which de-chunks it; any other body is raw bytes from now on
        if (port.dispatch(ctx, head, head.chunked() ? null : HttpPort.DECODER)) {
            ctx.pipeline().remove(this);
        } else {
            refused = true;
        }
    }

    private void refuse(ChannelHandlerContext ctx, String version, int status, String cause) {
        refused = true;
        HttpPort.refuse(ctx, version, status, cause);
    }
}
