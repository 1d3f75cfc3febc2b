package org.tributary.rtsp.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.rtsp.RtspDecoder;
import io.netty.handler.codec.rtsp.RtspEncoder;
import org.tributary.rtsp.internal.codec.InterleavedFrameEncoder;
import org.tributary.rtsp.internal.codec.RtspFramingDecoder;

/** One pipeline per RTSP connection: framing, Netty's RTSP codec, then the request handler. */
final class RtspChannelInitializer extends ChannelInitializer<Channel> {

    /** RTSP bodies are SDP or parameters; the framing decoder enforces the same bound first. */
    private static final int MAX_CONTENT = 64 * 1024;
    /** The framing decoder already bounds the whole header section to 8 KiB; these only must not be tighter. */
    private static final int MAX_LINE = 8192;
    private static final int MAX_HEADERS = 8192;

    private final ServerContext context;

    RtspChannelInitializer(ServerContext context) {
        this.context = context;
    }

    @Override
    protected void initChannel(Channel ch) {
        ch.pipeline()
                .addLast("framing", new RtspFramingDecoder())
                .addLast("rtsp-decoder", new RtspDecoder(MAX_LINE, MAX_HEADERS, MAX_CONTENT))
                .addLast("aggregator", new HttpObjectAggregator(MAX_CONTENT))
                .addLast("rtsp-encoder", new RtspEncoder())
                .addLast("interleaved-encoder", new InterleavedFrameEncoder())
                .addLast("handler", new RtspRequestHandler(context));
    }
}
