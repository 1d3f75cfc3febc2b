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
import java.net.InetSocketAddress;
import java.net.SocketAddress;

import org.junit.Test;
import org.tributary.rtsp.internal.http.HttpHandlers;
import org.tributary.rtsp.internal.http.HttpPort;
import org.tributary.rtsp.internal.tunnel.HttpTunnels;

/** What a connection's first bytes make of it. */
public class ConnectionSnifferTest {

    private final Consumer<ChannelPipeline> rtsp =
            pipeline -> pipeline.addLast("rtsp-marker", new ChannelInboundHandlerAdapter());
    private final HttpTunnels tunnels = new HttpTunnels(p -> { }, 30);
    private final HttpPort http = new HttpPort(new HttpHandlers());

    private EmbeddedChannel sniffing(String... pieces) {
        return sniffing(tunnels, pieces);
    }

    private EmbeddedChannel sniffing(HttpTunnels tunnelsOrNull, String... pieces) {
        EmbeddedChannel channel = new EmbeddedChannel() {
            @Override
            protected SocketAddress remoteAddress0() {
                return new InetSocketAddress("127.0.0.1", 40000);
            }
        };
        channel.pipeline().addLast(new ConnectionSniffer(rtsp, http, tunnelsOrNull));
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
    public void anHttpRequestLineIsHttpOnceWhole() {
        EmbeddedChannel waiting = sniffing("PO", "ST / HT");
        assertNull("still deciding", waiting.pipeline().get("rtsp-marker"));
        assertNotNull(waiting.pipeline().get(ConnectionSniffer.class));
        waiting.writeInbound(Unpooled.copiedBuffer("TP/1.0\r\n", StandardCharsets.ISO_8859_1));
        assertNotNull(waiting.pipeline().get("http-dispatcher"));
        assertNull(waiting.pipeline().get(ConnectionSniffer.class));
        assertNotNull(sniffing("PUT /radio HTTP/1.1\r\n").pipeline().get("http-dispatcher"));
        assertNotNull(sniffing("SOURCE /radio HTTP/1.0\r\n").pipeline().get("http-dispatcher"));
        assertNotNull(sniffing("OPTIONS * HTTP/1.1\r\n").pipeline().get("http-dispatcher"));
    }

    @Test
    public void aTunnelRequestStillReachesTheTunnel() {
        EmbeddedChannel post = sniffing("POST / HTTP/1.0\r\nx-sessioncookie: nosuch\r\n\r\n");
        ByteBuf answer = post.readOutbound();
        assertTrue(answer.toString(StandardCharsets.ISO_8859_1), answer.toString(StandardCharsets.ISO_8859_1)
                .startsWith("HTTP/1.0 404 Not Found\r\n"));
        answer.release();
    }

    @Test
    public void withTunnellingOffATunnelRequestIsRefused() {
        EmbeddedChannel channel = sniffing((HttpTunnels) null, "GET / HTTP/1.0\r\nx-sessioncookie: abc\r\n\r\n");
        ByteBuf answer = channel.readOutbound();
        assertTrue(answer.toString(StandardCharsets.ISO_8859_1).startsWith("HTTP/1.0 403 Forbidden\r\n"));
        answer.release();
        assertNull(channel.pipeline().get("rtsp-marker"));
    }

    @Test
    public void aLoneWordIsAShoutcastLogin() {
        assertNotNull(sniffing("secret\r\n").pipeline().get("icy-login"));
        assertNotNull(sniffing("!POKE\n").pipeline().get("icy-login"));
    }

    @Test
    public void garbageAndOverlongLinesAreLeftToRtsp() {
        assertNotNull(sniffing("%%% this is not RTSP %%%\r\n").pipeline().get("rtsp-marker"));
        assertNotNull(sniffing("x".repeat(2000)).pipeline().get("rtsp-marker"));
        assertNotNull(sniffing("\u0001\u0002\r\n").pipeline().get("rtsp-marker"));
    }

    @Test
    public void aTlsHandshakeOnAPlainPortIsClosed() {
        EmbeddedChannel channel = new EmbeddedChannel(new ConnectionSniffer(rtsp, http, tunnels));
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00}));
        assertFalse(channel.isActive());
        assertNull(channel.pipeline().get("rtsp-marker"));
        assertTrue(channel.inboundMessages().isEmpty());
    }
}
