package org.tributary.rtsp.internal;

import java.util.List;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.rtsp.internal.http.FirstLine;
import org.tributary.rtsp.internal.http.HttpPort;
import org.tributary.rtsp.internal.tunnel.HttpTunnels;
import org.tributary.security.RefusalLog;

/**
 * Tells from a connection's first line what it speaks, as QTSS did on its RTSP ports ({@link FirstLine}):
 * an HTTP request line makes it HTTP (one side of an RTSP-over-HTTP tunnel, or a request for the HTTP
 * handlers), a lone word a Shoutcast v1 source login, an RTSP request line or {@code $} RTSP; a TLS
 * handshake on a plain port is closed with a log line; anything else is RTSP, whose framing refuses it.
 * Then it steps out of the pipeline, handing on what it read.
 */
final class ConnectionSniffer extends ByteToMessageDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionSniffer.class);
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);
    private static final int TLS_HANDSHAKE = 0x16;

    private final Consumer<ChannelPipeline> rtsp;
    private final HttpPort http;
    private final HttpTunnels tunnels;

    /**
     * @param rtsp    adds the RTSP handlers at the end of a pipeline
     * @param http    the HTTP handlers' side of the port
     * @param tunnels the tunnel registry, or null when tunnelling is off
     */
    ConnectionSniffer(Consumer<ChannelPipeline> rtsp, HttpPort http, HttpTunnels tunnels) {
        this.rtsp = rtsp;
        this.http = http;
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
        FirstLine.Kind kind = first == '$' ? FirstLine.Kind.RTSP : FirstLine.classify(in);
        switch (kind) {
            case UNDECIDED:
                return;
            case HTTP:
                http.install(ctx.pipeline(), tunnels);
                break;
            case ICY:
                http.installIcy(ctx.pipeline());
                break;
            default:
                rtsp.accept(ctx.pipeline());
        }
        ctx.pipeline().remove(this);
    }
}
