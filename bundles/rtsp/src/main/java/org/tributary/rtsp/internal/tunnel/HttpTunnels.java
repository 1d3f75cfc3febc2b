package org.tributary.rtsp.internal.tunnel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.AttributeKey;

/**
 * RTSP over HTTP, the QuickTime convention: a client behind a proxy or firewall opens a GET and a POST
 * connection with the same {@code x-sessioncookie}; the GET answers {@code 200} with content type
 * {@code application/x-rtsp-tunnelled} and then carries everything the server sends, the POST carries
 * the client's requests in base64. This registry pairs them; an HTTP request that {@link #claims claims}
 * to be a tunnel's is handed here by the streaming port's HTTP dispatcher.
 */
public final class HttpTunnels {

    /** The content type both connections of a tunnel declare. */
    static final String TUNNELLED = "application/x-rtsp-tunnelled";
    static final String COOKIE = "x-sessioncookie";
    /** Name of the HTTP decoder in front of a tunnel's request handler (a POST's body replaces it). */
    public static final String HTTP_DECODER = TunnelRequestHandler.DECODER;

    /** On a POST connection that joined a tunnel: the tunnel's GET connection. */
    static final AttributeKey<Channel> GET_OF_POST = AttributeKey.valueOf(HttpTunnels.class, "get");

    private final Map<String, Tunnel> byCookie = new ConcurrentHashMap<>();
    private final Consumer<ChannelPipeline> rtspInstaller;
    private volatile long timeoutSeconds;

    /**
     * @param rtspInstaller  adds the RTSP decoders, encoders and request handler at the end of a pipeline
     * @param timeoutSeconds how long a tunnel's GET waits for a POST (at first, and after one closed)
     */
    public HttpTunnels(Consumer<ChannelPipeline> rtspInstaller, long timeoutSeconds) {
        this.rtspInstaller = rtspInstaller;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Applies a new POST timeout to tunnels opened from now on. */
    public void timeoutSeconds(long seconds) {
        this.timeoutSeconds = seconds;
    }

    /**
     * @return whether a request is one side of a tunnel: it has an {@code x-sessioncookie}, or declares
     *         the tunnel's content type ({@code Accept} or {@code Content-Type})
     */
    public static boolean claims(HttpRequest request) {
        return request.headers().contains(COOKIE)
                || request.headers().containsValue(HttpHeaderNames.CONTENT_TYPE, TUNNELLED, true)
                || request.headers().containsValue(HttpHeaderNames.ACCEPT, TUNNELLED, true);
    }

    /**
     * Takes a connection whose HTTP decoder (named {@link #HTTP_DECODER}) produced a tunnel request: the
     * tunnel's request handler takes the place of {@code ctx}'s handler and gets the request.
     */
    public void takeOver(ChannelHandlerContext ctx, HttpRequest request) {
        ctx.pipeline().addAfter(ctx.name(), "tunnel-request", new TunnelRequestHandler(this));
        ctx.pipeline().remove(ctx.handler());
        ctx.fireChannelRead(request);
    }

    /** @return the GET connection of the tunnel a POST connection joined, or null for any other connection */
    public static Channel getOf(Channel connection) {
        return connection.hasAttr(GET_OF_POST) ? connection.attr(GET_OF_POST).get() : null;
    }

    /** @return whether a connection is the GET side of a tunnel, where the RTSP answers and media go */
    public static boolean isTunnel(Channel connection) {
        return connection.pipeline().get(TunnelInlet.class) != null;
    }

    /** @return the number of open tunnels (GET connections), for status and tests */
    public int open() {
        return byCookie.size();
    }

    long timeoutSeconds() {
        return timeoutSeconds;
    }

    /** @return false when another tunnel has the cookie */
    boolean register(Tunnel tunnel) {
        if (byCookie.putIfAbsent(tunnel.cookie(), tunnel) != null) {
            return false;
        }
        tunnel.get().closeFuture().addListener(closed -> byCookie.remove(tunnel.cookie(), tunnel));
        return true;
    }

    Tunnel find(String cookie) {
        return byCookie.get(cookie);
    }

    void installRtsp(ChannelPipeline pipeline) {
        rtspInstaller.accept(pipeline);
    }
}
