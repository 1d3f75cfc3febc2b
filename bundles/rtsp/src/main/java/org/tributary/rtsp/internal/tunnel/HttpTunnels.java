package org.tributary.rtsp.internal.tunnel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.util.AttributeKey;

/**
 * RTSP over HTTP, the QuickTime convention: a client behind a proxy or firewall opens a GET and a POST
 * connection with the same {@code x-sessioncookie}; the GET answers {@code 200} with content type
 * {@code application/x-rtsp-tunnelled} and then carries everything the server sends, the POST carries
 * the client's requests in base64. This registry pairs them; a connection whose first bytes are an HTTP
 * request line is handed here by the RTSP port's sniffer.
 */
public final class HttpTunnels {

    /** The content type both connections of a tunnel declare. */
    static final String TUNNELLED = "application/x-rtsp-tunnelled";
    static final String COOKIE = "x-sessioncookie";

    private static final int MAX_INITIAL_LINE = 4096;
    private static final int MAX_HEADERS = 8192;
    private static final int MAX_CHUNK = 8192;

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

    /** Makes a connection that starts with an HTTP request line speak HTTP until it joins a tunnel. */
    public void install(ChannelPipeline pipeline) {
        pipeline.addLast(TunnelRequestHandler.DECODER, new HttpRequestDecoder(MAX_INITIAL_LINE, MAX_HEADERS, MAX_CHUNK))
                .addLast("tunnel-request", new TunnelRequestHandler(this));
    }

    /** @return the GET connection of the tunnel a POST connection joined, or null for any other connection */
    public static Channel getOf(Channel connection) {
        return connection.hasAttr(GET_OF_POST) ? connection.attr(GET_OF_POST).get() : null;
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
