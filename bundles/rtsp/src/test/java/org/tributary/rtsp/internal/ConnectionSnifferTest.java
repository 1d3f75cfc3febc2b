package org.tributary.rtsp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.Test;
import org.tributary.rtsp.internal.tunnel.HttpTunnels;

/** What a connection's first bytes make of it. */
public class ConnectionSnifferTest {

    private final Consumer<ChannelPipeline> rtsp =
            pipeline -> pipeline.addLast("rtsp-marker", new ChannelInboundHandlerAdapter());
    private final HttpTunnels tunnels = new HttpTunnels(p -> { }, 30);

    private EmbeddedChannel sniffing(String... pieces) {
        EmbeddedChannel channel = new EmbeddedChannel(new ConnectionSniffer(rtsp, tunnels));
        for (String piece : pieces) {
            channel.writeInbound(Unpooled.copiedBuffer(piece, StandardCharsets.ISO_8859_1));
        }
        return channel;
    }

    @Test
    public void rtspMethodsStayRtspAndKeepTheirBytes() {
        EmbeddedChannel channel = sniffing("GE", "T_PARAMETER rtsp://h/a RTSP/1.0\r\n");
        assertNotNull(channel.pipeline().get("rtsp-marker"));
        ByteBuf passed = channel.readInbound();
        assertEquals("GET_PARAMETER rtsp://h/a RTSP/1.0\r\n", passed.toString(StandardCharsets.ISO_8859_1));
        passed.release();
        channel.finishAndReleaseAll();
        assertNotNull(sniffing("OPTIONS * RTSP/1.0\r\n").pipeline().get("rtsp-marker"));
        assertNotNull(sniffing("$").pipeline().get("rtsp-marker"));
    }

    @Test
    public void anHttpRequestLineOpensATunnelSide() {
        EmbeddedChannel waiting = sniffing("PO", "S");
        assertNull("still deciding", waiting.pipeline().get("rtsp-marker"));
        assertNotNull(waiting.pipeline().get(ConnectionSniffer.class));
        waiting.writeInbound(Unpooled.copiedBuffer("T / HTTP/1.0\r\n", StandardCharsets.ISO_8859_1));
        assertNotNull(waiting.pipeline().get("tunnel-request"));
        assertNull(waiting.pipeline().get(ConnectionSniffer.class));
        assertNotNull(sniffing("GET / HTTP/1.0\r\n").pipeline().get("tunnel-request"));
    }

    @Test
    public void withTunnellingOffHttpIsRtspToo() {
        EmbeddedChannel channel = new EmbeddedChannel(new ConnectionSniffer(rtsp, null));
        channel.writeInbound(Unpooled.copiedBuffer("GET / HTTP/1.0\r\n", StandardCharsets.ISO_8859_1));
        assertNotNull(channel.pipeline().get("rtsp-marker"));
    }

    @Test
    public void aTlsHandshakeOnAPlainPortIsClosed() {
        EmbeddedChannel channel = new EmbeddedChannel(new ConnectionSniffer(rtsp, tunnels));
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00}));
        assertFalse(channel.isActive());
        assertNull(channel.pipeline().get("rtsp-marker"));
        assertTrue(channel.inboundMessages().isEmpty());
    }
}
