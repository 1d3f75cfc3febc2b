package org.tributary.rtsp.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.rtsp.RtspDecoder;
import io.netty.handler.codec.rtsp.RtspEncoder;
import org.tributary.rtsp.internal.tunnel.HttpTunnels;
import org.tributary.rtsp.internal.codec.InterleavedFrameEncoder;
import org.tributary.rtsp.internal.codec.RtspFramingDecoder;

/**
 * One pipeline per connection: a sniffer first, which turns it into RTSP (framing, Netty's RTSP codec,
 * then the request handler) or into one side of an RTSP-over-HTTP tunnel.
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
    private volatile boolean tunnelling = true;

    RtspChannelInitializer(ServerContext context, long tunnelTimeoutSeconds) {
        this.context = context;
        this.tunnels = new HttpTunnels(this::installRtsp, tunnelTimeoutSeconds);
        this.gate = new ConnectionGate(context.access());
    }

    /** Whether new connections may open RTSP-over-HTTP tunnels, and how long a tunnel waits for its POST. */
    void tunnelling(boolean enabled, long timeoutSeconds) {
        tunnelling = enabled;
        tunnels.timeoutSeconds(timeoutSeconds);
    }

    HttpTunnels tunnels() {
        return tunnels;
    }

    @Override
    protected void initChannel(Channel ch) {
        ch.pipeline().addLast(GATE, gate)
                .addLast("sniffer", new ConnectionSniffer(this::installRtsp, tunnelling ? tunnels : null));
    }

    /** Adds the RTSP handlers at the end of a pipeline. */
    void installRtsp(ChannelPipeline pipeline) {
        pipeline
                .addLast("framing", new RtspFramingDecoder())
                .addLast("rtsp-decoder", new RtspDecoder(MAX_LINE, MAX_HEADERS, MAX_CONTENT))
                .addLast("aggregator", new HttpObjectAggregator(MAX_CONTENT))
                .addLast("rtsp-encoder", new RtspEncoder())
                .addLast("interleaved-encoder", new InterleavedFrameEncoder())
                .addLast("handler", new RtspRequestHandler(context));
    }
}
