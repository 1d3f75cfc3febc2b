package org.tributary.rtsp.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.rtsp.internal.tunnel.HttpTunnels;
import org.tributary.security.RefusalLog;

/**
 * Tells from a connection's first bytes what it speaks, as QTSS did on its RTSP ports: an HTTP request
 * line ({@code GET } or {@code POST }) opens one side of an RTSP-over-HTTP tunnel, a TLS handshake on a
 * plain port is closed with a log line, anything else is RTSP. Then it steps out of the pipeline,
 * handing on what it read.
 */
final class ConnectionSniffer extends ByteToMessageDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionSniffer.class);
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);
    private static final int TLS_HANDSHAKE = 0x16;
    private static final List<String> HTTP_STARTS = List.of("GET ", "POST ");

    private final Consumer<ChannelPipeline> rtsp;
    private final HttpTunnels tunnels;

    /**
     * @param rtsp    adds the RTSP handlers at the end of a pipeline
     * @param tunnels the tunnel registry, or null when tunnelling is off
     */
    ConnectionSniffer(Consumer<ChannelPipeline> rtsp, HttpTunnels tunnels) {
        this.rtsp = rtsp;
        this.tunnels = tunnels;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int first = in.getUnsignedByte(in.readerIndex());
        if (first == TLS_HANDSHAKE) {
            REFUSALS.info(ctx.channel().remoteAddress(),
                    "TLS handshake from {} on the plain RTSP port {}; closing (RTSPS has a port of its own)",
                    ctx.channel().remoteAddress(), ctx.channel().localAddress());
            in.skipBytes(in.readableBytes());
            ctx.close();
            return;
        }
        String start = in.toString(in.readerIndex(), Math.min(in.readableBytes(), 5), StandardCharsets.ISO_8859_1);
        boolean http = false;
        for (String method : HTTP_STARTS) {
            if (start.length() < method.length() && method.startsWith(start)) {
                return;
            }
            http |= start.startsWith(method);
        }
        if (http && tunnels != null) {
            tunnels.install(ctx.pipeline());
        } else {
            rtsp.accept(ctx.pipeline());
        }
        ctx.pipeline().remove(this);
    }
}
