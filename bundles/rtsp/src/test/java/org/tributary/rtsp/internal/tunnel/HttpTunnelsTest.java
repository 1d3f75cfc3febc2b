package org.tributary.rtsp.internal.tunnel;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.Test;
import org.tributary.rtsp.internal.http.HttpHandlers;
import org.tributary.rtsp.internal.http.HttpPort;

/** Pairing a GET and POSTs by cookie and address, and what reaches the RTSP side of the GET connection. */
public class HttpTunnelsTest {

    private static final String GET = "GET /sample.mp4 HTTP/1.0\r\nx-sessioncookie: abc123\r\n"
            + "Accept: application/x-rtsp-tunnelled\r\n\r\n";
    private static final String POST = "POST /sample.mp4 HTTP/1.0\r\nx-sessioncookie: abc123\r\n"
            + "Content-Type: application/x-rtsp-tunnelled\r\nContent-Length: 32767\r\n\r\n";

    /** What the RTSP side of the GET connection received. */
    private final StringBuilder rtspSide = new StringBuilder();
    private final HttpTunnels tunnels = new HttpTunnels(pipeline -> pipeline.addLast(new ChannelInboundHandlerAdapter() {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            rtspSide.append(((ByteBuf) msg).toString(StandardCharsets.ISO_8859_1));
            ((ByteBuf) msg).release();
        }
    }), 30);

    /** An HTTP connection from {@code host}. */
    private EmbeddedChannel connection(String host) {
        EmbeddedChannel channel = new EmbeddedChannel() {
            @Override
            protected SocketAddress remoteAddress0() {
                return new InetSocketAddress(host, 40000);
            }
        };
        // through the port's HTTP decoder and dispatcher, as on a real connection
        new HttpPort(new HttpHandlers()).install(channel.pipeline(), tunnels);
        return channel;
    }

    private static void send(EmbeddedChannel channel, String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
        channel.runPendingTasks();
    }

    private static String answer(EmbeddedChannel channel) {
        StringBuilder all = new StringBuilder();
        for (ByteBuf out; (out = channel.readOutbound()) != null; out.release()) {
            all.append(out.toString(StandardCharsets.ISO_8859_1));
        }
        return all.toString();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    public void requestsPostedInBase64ReachTheGetConnectionsRtspSide() {
        EmbeddedChannel get = connection("127.0.0.1");
        send(get, GET);
        String answer = answer(get);
        assertTrue(answer, answer.startsWith("HTTP/1.0 200 OK\r\n"));
        assertTrue(answer, answer.contains("Content-Type: application/x-rtsp-tunnelled\r\n"));
        assertEquals(1, tunnels.open());

        EmbeddedChannel post = connection("127.0.0.1");
        String options = "OPTIONS rtsp://127.0.0.1/sample.mp4 RTSP/1.0\r\nCSeq: 1\r\n\r\n";
        String encoded = base64(options);
        send(post, POST + encoded.substring(0, 10));
        send(post, encoded.substring(10));
        get.runPendingTasks();
        assertEquals(options, rtspSide.toString());
        assertEquals("no answer on the POST", "", answer(post));

        // QuickTime closes the POST after a request and opens another for the next
        post.close();
        get.runPendingTasks();
        EmbeddedChannel again = connection("127.0.0.1");
        String describe = "DESCRIBE rtsp://127.0.0.1/sample.mp4 RTSP/1.0\r\nCSeq: 2\r\n\r\n";
        send(again, POST + base64(describe));
        get.runPendingTasks();
        assertEquals(options + describe, rtspSide.toString());
        assertTrue(get.isActive());
    }

    @Test
    public void aPostWithAnUnknownCookieOrFromAnotherAddressIsRefused() {
        EmbeddedChannel stray = connection("127.0.0.1");
        send(stray, POST + base64("OPTIONS * RTSP/1.0\r\n\r\n"));
        assertTrue(answer(stray).startsWith("HTTP/1.0 404 Not Found\r\n"));
        assertFalse(stray.isActive());

        EmbeddedChannel get = connection("127.0.0.1");
        send(get, GET);
        answer(get);
        EmbeddedChannel forged = connection("127.0.0.9");
        send(forged, POST + base64("OPTIONS * RTSP/1.0\r\n\r\n"));
        assertTrue(answer(forged).startsWith("HTTP/1.0 403 Forbidden\r\n"));
        assertFalse(forged.isActive());
        get.runPendingTasks();
        assertEquals("", rtspSide.toString());
        assertTrue("the real tunnel stays", get.isActive());
    }

    @Test
    public void invalidBase64ClosesTheTunnel() {
        EmbeddedChannel get = connection("127.0.0.1");
        send(get, GET);
        EmbeddedChannel post = connection("127.0.0.1");
        send(post, POST + "T1BUSU9OUw*=");
        get.runPendingTasks();
        assertFalse(post.isActive());
        assertFalse(get.isActive());
        assertEquals(0, tunnels.open());
    }

    @Test
    public void aGetWithoutPostClosesAfterTheTimeout() {
        EmbeddedChannel get = connection("127.0.0.1");
        send(get, GET);
        get.advanceTimeBy(29, TimeUnit.SECONDS);
        get.runScheduledPendingTasks();
        assertTrue(get.isActive());
        get.advanceTimeBy(2, TimeUnit.SECONDS);
        get.runScheduledPendingTasks();
        assertFalse(get.isActive());
        assertEquals(0, tunnels.open());
    }

    @Test
    public void tunnelRequestsWithoutACookieAndDuplicateCookiesAreRefused() {
        EmbeddedChannel browser = connection("127.0.0.1");
        send(browser, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue("plain HTTP is for the handlers (none here)", answer(browser).startsWith("HTTP/1.1 404 Not Found\r\n"));
        assertFalse(browser.isActive());
        EmbeddedChannel cookieless = connection("127.0.0.1");
        send(cookieless, "GET / HTTP/1.0\r\nAccept: application/x-rtsp-tunnelled\r\n\r\n");
        assertTrue(answer(cookieless).startsWith("HTTP/1.0 400 Bad Request\r\n"));
        assertFalse(cookieless.isActive());

        EmbeddedChannel first = connection("127.0.0.1");
        send(first, GET);
        EmbeddedChannel second = connection("127.0.0.1");
        send(second, GET);
        assertTrue(answer(second).startsWith("HTTP/1.0 409 Conflict\r\n"));
        assertTrue(first.isActive());

        EmbeddedChannel put = connection("127.0.0.1");
        send(put, "PUT /x HTTP/1.0\r\nx-sessioncookie: zz\r\n\r\n");
        assertTrue(answer(put).startsWith("HTTP/1.0 405 Method Not Allowed\r\n"));
    }

    @Test
    public void dataSentOnTheGetConnectionIsIgnored() {
        EmbeddedChannel get = connection("127.0.0.1");
        send(get, GET);
        answer(get);
        send(get, "OPTIONS * RTSP/1.0\r\n\r\n");
        assertEquals("", rtspSide.toString());
        assertNull(get.readInbound());
    }
}
