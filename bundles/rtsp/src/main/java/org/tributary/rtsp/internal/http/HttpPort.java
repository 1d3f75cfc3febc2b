package org.tributary.rtsp.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequestDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.rtsp.internal.guard.RefusalCounter;
import org.tributary.rtsp.internal.guard.RequestDeadline;
import org.tributary.rtsp.internal.tunnel.HttpTunnels;
import org.tributary.security.RefusalLog;

/**
 * HTTP on the streaming ports: turns a connection the sniffer found to speak HTTP (or to start a Shoutcast
 * v1 login) into one exchange with the {@link HttpHandlers handler} that claims its path, after the
 * connection guards in front of it. The tunnel's requests go to the tunnel instead.
 *
 * <table>
 * <caption>Limits</caption>
 * <tr><th>input</th><th>limit</th><th>answer</th></tr>
 * <tr><td>HTTP request line / headers</td><td>{@value #MAX_INITIAL_LINE} / {@value #MAX_HEADERS} bytes</td><td>400 and close</td></tr>
 * <tr><td>a version other than HTTP/1.0 or 1.1</td><td>-</td><td>505</td></tr>
 * <tr><td>a target that is not a path, a bad percent escape, a control character, not UTF-8</td><td>-</td><td>400</td></tr>
 * <tr><td>a path no handler claims</td><td>-</td><td>404 (a Shoutcast login: {@code invalid password})</td></tr>
 * <tr><td>a handler that throws</td><td>-</td><td>500</td></tr>
 * <tr><td>body sent before the handler accepts it</td><td>{@value ExchangeInlet#MAX_HELD} bytes</td><td>closed</td></tr>
 * <tr><td>Shoutcast login lines / header lines</td><td>{@value IcyLoginDecoder#MAX_LINE} bytes / {@value IcyLoginDecoder#MAX_HEADERS}</td><td>{@code invalid password} and close</td></tr>
 * </table>
 */
public final class HttpPort {

    /** The HTTP decoder's name: the tunnel replaces it when a POST's body starts. */
    public static final String DECODER = HttpTunnels.HTTP_DECODER;
    static final String INLET = "http-exchange";
    static final int MAX_INITIAL_LINE = 4096;
    static final int MAX_HEADERS = 8192;
    static final int MAX_CHUNK = 8192;

    private static final Logger LOG = LoggerFactory.getLogger(HttpPort.class);
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);

    private final HttpHandlers handlers;

    public HttpPort(HttpHandlers handlers) {
        this.handlers = handlers;
    }

    /**
     * @return whether a connection streams an HTTP answer or receives a body: in use however quiet its
     *         client is (the handler and the drain timeout judge it, not the idle timeout)
     */
    public static boolean inUse(io.netty.channel.Channel connection) {
        return NettyExchange.inUse(connection);
    }

    /**
     * Makes a connection that starts with an HTTP request line speak HTTP.
     *
     * @param tunnels where RTSP-over-HTTP requests go, or null when tunnelling is off
     */
    public void install(ChannelPipeline pipeline, HttpTunnels tunnels) {
        pipeline.addLast(DECODER, new HttpRequestDecoder(MAX_INITIAL_LINE, MAX_HEADERS, MAX_CHUNK))
                .addLast("http-dispatcher", new HttpDispatcher(this, tunnels));
    }

    /** Makes a connection that starts with a password line read a Shoutcast v1 source login. */
    public void installIcy(ChannelPipeline pipeline) {
        pipeline.addLast("icy-login", new IcyLoginDecoder(this));
    }

    /**
     * Hands a whole request head to the handler that claims its path, on the connection's loop. The
     * exchange's inlet takes the place of {@code replacing} (the decoder, whose unread bytes it then gets),
     * or goes right after the HTTP decoder when that one stays to de-chunk the body.
     *
     * @return true when an exchange took over the connection, false when it was refused
     */
    boolean dispatch(ChannelHandlerContext ctx, RequestHead head, String replacing) {
        ChannelPipeline pipeline = ctx.pipeline();
        // the head arrived whole; what follows is a body or nothing, timed by the handler and the idle timeout
        RequestDeadline.removeFrom(pipeline);
        HttpHandlers.Claim claim = handlers.find(head.target().path());
        if (claim == null) {
            refuse(ctx, head.version(), 404, head + ": no handler serves this path", !head.head());
            return false;
        }
        NettyExchange exchange = new NettyExchange(ctx.channel(), head);
        if (replacing != null) {
            pipeline.replace(replacing, INLET, exchange.inlet());
        } else {
            pipeline.addAfter(DECODER, INLET, exchange.inlet());
        }
        if (!handlers.serve(claim.handler(), ctx.channel())) {
            exchange.inlet().discard();
            refuse(ctx, head.version(), 503, head + ": its handler stopped meanwhile", !head.head());
            return true;
        }
        try {
            claim.handler().handle(exchange);
        } catch (RuntimeException e) {
            REFUSALS.warn(ctx.channel().remoteAddress(), "HTTP handler {} failed on {} from {}; answering 500",
                    claim.handler(), head, ctx.channel().remoteAddress(), e);
            exchange.fail();
        }
        return true;
    }

    /**
     * Answers an HTTP request with an error status and a one-line text body (a Shoutcast login with its
     * error line), closes the connection once written, reads nothing more, and logs the cause.
     */
    static void refuse(ChannelHandlerContext ctx, String version, int status, String cause) {
        refuse(ctx, version, status, cause, true);
    }

    /** @param withBody false for the answer to a HEAD request */
    private static void refuse(ChannelHandlerContext ctx, String version, int status, String cause,
                               boolean withBody) {
        ByteBuf answer;
        if (org.tributary.api.http.HttpExchange.ICY_LOGIN.equals(version)) {
            REFUSALS.info(ctx.channel().remoteAddress(), "Shoutcast source login from {} refused: {}",
                    ctx.channel().remoteAddress(), cause);
            answer = HttpAnswers.ascii(ctx.alloc(), HttpAnswers.icyRefusal(status == 404 ? 401 : status));
        } else {
            REFUSALS.info(ctx.channel().remoteAddress(), "HTTP request from {} refused ({}): {}",
                    ctx.channel().remoteAddress(), status, cause);
            byte[] body = (status + " " + io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase()
                    + "\n").getBytes(StandardCharsets.US_ASCII);
            answer = Unpooled.wrappedBuffer(HttpAnswers.head(ctx.alloc(), version, status,
                    Map.of("Content-Type", "text/plain; charset=us-ascii", "Server", "Tributary"), body.length),
                    Unpooled.wrappedBuffer(withBody ? body : new byte[0]));
        }
        RefusalCounter.count(ctx.channel(), RefusalCounter.HTTP, status);
        ctx.channel().config().setAutoRead(false);
        ctx.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
    }
}
