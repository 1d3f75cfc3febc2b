package org.tributary.rtsp.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.rtsp.RtspDecoder;
import io.netty.handler.codec.rtsp.RtspEncoder;
import org.tributary.rtsp.internal.http.HttpHandlers;
import org.tributary.rtsp.internal.http.HttpPort;
import org.tributary.rtsp.internal.tunnel.HttpTunnels;
import org.tributary.rtsp.internal.codec.InterleavedFrameEncoder;
import org.tributary.rtsp.internal.codec.RtspFramingDecoder;
import org.tributary.rtsp.internal.guard.ConnectionTimeouts;
import org.tributary.rtsp.internal.guard.IdleConnectionCloser;
import org.tributary.rtsp.internal.guard.OutboundGuard;
import org.tributary.rtsp.internal.guard.RequestBoundary;
import org.tributary.rtsp.internal.guard.RequestDeadline;
import java.time.Duration;

/**
 * One pipeline per connection: the guards every protocol of the port inherits (per-address gate, outbound
 * water mark with read pausing and drain timeout, idle timeout, request deadline), then a sniffer, which
 * turns it into RTSP (framing, Netty's RTSP codec, then the request handler), into one side of an
 * RTSP-over-HTTP tunnel, or into an exchange with an HTTP handler (HTTP requests, Shoutcast v1 logins).
 */
final class RtspChannelInitializer extends ChannelInitializer<Channel> {

    /** RTSP bodies are SDP or parameters; the framing decoder enforces the same bound first. */
    private static final int MAX_CONTENT = 64 * 1024;
    /** The framing decoder already bounds the whole header section to 8 KiB; these only must not be tighter. */
    private static final int MAX_LINE = 8192;
    private static final int MAX_HEADERS = 8192;
    /** Name of the first handler, the per-address connection gate; RTSPS adds TLS right after it. */
    static final String GATE = "gate";

    private final ServerContext context;
    private final HttpTunnels tunnels;
    private final ConnectionGate gate;
    private final HttpPort http;
    private volatile boolean tunnelling = true;
    private volatile ConnectionTimeouts timeouts = ConnectionTimeouts.DEFAULTS;
    /** Every open connection of the ports, RTSP, RTSPS, tunnel or HTTP; a closed one leaves by itself. */
    private final ChannelGroup connections = new DefaultChannelGroup("tributary-rtsp", GlobalEventExecutor.INSTANCE);

    RtspChannelInitializer(ServerContext context, long tunnelTimeoutSeconds, HttpHandlers handlers) {
        this.context = context;
        this.http = new HttpPort(handlers);
        this.tunnels = new HttpTunnels(this::installRtsp, tunnelTimeoutSeconds);
        this.gate = new ConnectionGate(context.access(), context.refusals());
    }

    /** Whether new connections may open RTSP-over-HTTP tunnels, and how long a tunnel waits for its POST. */
    void tunnelling(boolean enabled, long timeoutSeconds) {
        tunnelling = enabled;
        tunnels.timeoutSeconds(timeoutSeconds);
    }

    /** The deadlines of every connection: open ones follow request and drain changes, new ones all three. */
    void timeouts(ConnectionTimeouts next) {
        timeouts = next;
    }

    HttpTunnels tunnels() {
        return tunnels;
    }

    @Override
    protected void initChannel(Channel ch) {
        context.refusals().attach(ch);
        connections.add(ch);
        ch.pipeline().addLast(GATE, gate)
                .addLast(OutboundGuard.NAME, new OutboundGuard(this::timeouts))
                .addLast(IdleConnectionCloser.NAME, new IdleConnectionCloser(timeouts.idle().toMillis(), this::inUse))
                .addLast(RequestDeadline.NAME, new RequestDeadline(this::timeouts))
                .addLast("sniffer", new ConnectionSniffer(this::installRtsp, http, tunnelling ? tunnels : null));
    }

    /** Closes every open connection once what was written to it is sent (the service stops). */
    void closeConnections() {
        connections.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(written -> connections.close());
    }

    /**
     * Closes every open connection now, after what its loop was asked to write before, and waits at most
     * {@code wait}: the server stops, and its loops once shut down close nothing more, so a connection an
     * HTTP handler (an MP3 listener or source) still served would otherwise stay open, unread.
     */
    void closeConnectionsNow(Duration wait) {
        connections.close().awaitUninterruptibly(wait.toMillis());
    }

    private ConnectionTimeouts timeouts() {
        return timeouts;
    }

    /**
     * A connection is in use when a session was set up on it, it is the POST of a tunnel that has one, or
     * it streams an HTTP answer or receives a body.
     */
    private boolean inUse(Channel connection) {
        Channel tunnel = HttpTunnels.getOf(connection);
        return context.sessions().anyOn(connection) || tunnel != null && context.sessions().anyOn(tunnel)
                || HttpPort.inUse(connection);
    }

    /** Adds the RTSP handlers at the end of a pipeline. */
    void installRtsp(ChannelPipeline pipeline) {
        pipeline
                .addLast("framing", new RtspFramingDecoder())
                .addLast("rtsp-decoder", new RtspDecoder(MAX_LINE, MAX_HEADERS, MAX_CONTENT))
                .addLast("aggregator", new HttpObjectAggregator(MAX_CONTENT))
                .addLast("rtsp-encoder", new RtspEncoder())
                .addLast("interleaved-encoder", new InterleavedFrameEncoder())
                .addLast(RequestBoundary.NAME, new RequestBoundary())
                .addLast("handler", new RtspRequestHandler(context));
    }
}
