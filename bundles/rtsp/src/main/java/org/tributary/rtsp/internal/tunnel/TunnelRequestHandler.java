package org.tributary.rtsp.internal.tunnel;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.rtsp.internal.guard.RefusalCounter;
import org.tributary.rtsp.internal.guard.RequestDeadline;
import org.tributary.security.RefusalLog;

/**
 * The HTTP request that opens one side of a tunnel. A GET with a new cookie becomes the tunnel: it is
 * answered 200 and its pipeline turns into an RTSP one fed from the POST. A POST with the cookie of a
 * tunnel opened from the same address joins it, and the rest of its body is base64. Anything else is
 * answered with an HTTP error and closed.
 */
final class TunnelRequestHandler extends SimpleChannelInboundHandler<HttpObject> {

    static final String DECODER = "http-decoder";

    private static final Logger LOG = LoggerFactory.getLogger(TunnelRequestHandler.class);
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);
    private static final int MAX_COOKIE = 128;

    private final HttpTunnels tunnels;
    /** The cookie of a GET whose end (its LastHttpContent) is awaited before the connection turns into a tunnel. */
    private String pendingGet;

    TunnelRequestHandler(HttpTunnels tunnels) {
        this.tunnels = tunnels;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        if (!(msg instanceof HttpRequest request)) {
            if (msg instanceof LastHttpContent && pendingGet != null) {
                openTunnel(ctx, pendingGet);
            }
            return;
        }
        if (request.decoderResult().isFailure()) {
            refuse(ctx, "400 Bad Request", "malformed HTTP request: " + request.decoderResult().cause().getMessage());
            return;
        }
        String cookie = request.headers().get(HttpTunnels.COOKIE);
        if (cookie == null || cookie.isEmpty() || cookie.length() > MAX_COOKIE || !cookie.chars().allMatch(
                c -> c > 0x20 && c < 0x7f)) {
            refuse(ctx, "400 Bad Request", request.method() + " declares an RTSP-over-HTTP tunnel without a valid "
                    + HttpTunnels.COOKIE + " header");
        } else if (HttpMethod.GET.equals(request.method())) {
            pendingGet = cookie;
        } else if (HttpMethod.POST.equals(request.method())) {
            joinTunnel(ctx, cookie);
        } else {
            refuse(ctx, "405 Method Not Allowed", request.method() + " is not part of RTSP over HTTP");
        }
    }

    private void openTunnel(ChannelHandlerContext ctx, String cookie) {
        InetAddress client = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
        Tunnel tunnel = new Tunnel(cookie, ctx.channel(), client, tunnels.timeoutSeconds());
        if (tunnels.find(cookie) != null) {
            refuse(ctx, "409 Conflict", "GET with the session cookie of a tunnel already open");
            return;
        }
        // the RTSP side is ready before a POST can find the tunnel, and the client sends its POST only
        // after this 200, so no request can arrive before there is somewhere to put it
        var pipeline = ctx.pipeline();
        pipeline.remove(DECODER);
        // the HTTP head arrived whole; from now on the requests come from the POST, through the inlet
        RequestDeadline head = RequestDeadline.removeFrom(pipeline);
        pipeline.addLast("tunnel-inlet", new TunnelInlet(tunnel));
        if (head != null) {
            pipeline.addLast(RequestDeadline.NAME, head.fresh());
        }
        tunnels.installRtsp(pipeline);
        tunnel.opened(pipeline.context("tunnel-inlet"));
        if (!tunnels.register(tunnel)) {
            refuse(ctx, "409 Conflict", "GET with the session cookie of a tunnel already open");
            return;
        }
        ctx.writeAndFlush(Unpooled.copiedBuffer("HTTP/1.0 200 OK\r\n"
                + "Server: Tributary\r\n"
                + "Connection: close\r\n"
                + "Cache-Control: no-store\r\n"
                + "Pragma: no-cache\r\n"
                + "Content-Type: " + HttpTunnels.TUNNELLED + "\r\n\r\n", StandardCharsets.US_ASCII));
        pipeline.remove(this);
        LOG.debug("RTSP-over-HTTP tunnel opened by {}", ctx.channel().remoteAddress());
    }

    private void joinTunnel(ChannelHandlerContext ctx, String cookie) {
        Tunnel tunnel = tunnels.find(cookie);
        InetAddress from = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
        if (tunnel == null) {
            refuse(ctx, "404 Not Found", "POST with a session cookie no open tunnel has");
            return;
        }
        if (!tunnel.client().equals(from)) {
            refuse(ctx, "403 Forbidden", "POST with the session cookie of a tunnel opened from " + tunnel.client());
            return;
        }
        tunnel.attach(ctx.channel());
        // the head arrived whole; the body is a stream, timed by the GET connection's request deadline
        RequestDeadline.removeFrom(ctx.pipeline());
        // the body is base64 for as long as the connection lasts, whatever Content-Length announced
        ctx.pipeline().replace(DECODER, "tunnel-body", new TunnelPostDecoder(tunnel));
        ctx.pipeline().remove(this);
    }

    private static void refuse(ChannelHandlerContext ctx, String status, String cause) {
        REFUSALS.info(ctx.channel().remoteAddress(), "HTTP request from {} refused ({}): {}",
                ctx.channel().remoteAddress(), status, cause);
        RefusalCounter.count(ctx.channel(), RefusalCounter.HTTP, Integer.parseInt(status.substring(0, 3)));
        ctx.writeAndFlush(Unpooled.copiedBuffer("HTTP/1.0 " + status + "\r\nServer: Tributary\r\n"
                + "Connection: close\r\nContent-Length: 0\r\n\r\n", StandardCharsets.US_ASCII))
                .addListener(ChannelFutureListener.CLOSE);
        ctx.channel().config().setAutoRead(false);
    }
}
