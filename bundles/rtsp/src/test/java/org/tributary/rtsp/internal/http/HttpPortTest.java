package org.tributary.rtsp.internal.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.tributary.rtsp.internal.http.TestConnections.open;
import static org.tributary.rtsp.internal.http.TestConnections.portWith;
import static org.tributary.rtsp.internal.http.TestConnections.send;
import static org.tributary.rtsp.internal.http.TestConnections.written;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.Test;
import org.tributary.api.http.HttpHandler;

/** Requests handed to the handler that claims their path, and whole answers as written on the wire. */
public class HttpPortTest {

    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);
    private final TestConnections.Recording hello = new TestConnections.Recording(
            exchange -> exchange.respond(200, Map.of("Content-Type", "text/plain"), HELLO));

    @Test
    public void aGetIsAnsweredWholeAndClosed() {
        EmbeddedChannel channel = open(portWith("/", hello), false);
        send(channel, "GET /radio.m3u?x=1%20 HTTP/1.1\r\nHost: h\r\nIcy-MetaData: 1\r\n\r\n");
        assertEquals("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\n"
                + "hello", written(channel));
        assertFalse("closed once answered", channel.isOpen());
        assertEquals("GET", hello.last().method());
        assertEquals("/radio.m3u", hello.last().path());
        assertEquals("x=1%20", hello.last().query());
        assertEquals("HTTP/1.1", hello.last().protocolVersion());
        assertEquals("1", hello.last().header("icy-metadata"));
        assertEquals(Map.entry("Host", "h"), hello.last().headers().get(0));
        assertEquals(40000, hello.last().remote().getPort());
        assertEquals(8000, hello.last().local().getPort());
    }

    @Test
    public void anHttp10RequestIsAnsweredInHttp10AndHeadHasNoBody() {
        EmbeddedChannel old = open(portWith("/", hello), false);
        send(old, "GET / HTTP/1.0\r\n\r\n");
        assertTrue(written(old).startsWith("HTTP/1.0 200 OK\r\n"));
        EmbeddedChannel head = open(portWith("/", hello), false);
        send(head, "HEAD /x HTTP/1.1\r\n\r\n");
        String answer = written(head);
        assertTrue(answer, answer.endsWith("Content-Length: 5\r\nConnection: close\r\n\r\n"));
    }

    @Test
    public void theLongestPrefixWins() {
        TestConnections.Recording admin = new TestConnections.Recording(e -> e.respond(204, Map.of(), null));
        HttpHandlers handlers = new HttpHandlers();
        handlers.add(hello, Map.of(HttpHandler.PREFIX, "/"));
        handlers.add(admin, Map.of(HttpHandler.PREFIX, new String[] {"/admin/", "/status"}));
        HttpPort port = new HttpPort(handlers);
        for (String path : new String[] {"/admin/metadata", "/admin", "/status.xsl"}) {
            EmbeddedChannel channel = open(port, false);
            send(channel, "GET " + path + " HTTP/1.1\r\n\r\n");
            assertTrue(path, written(channel).startsWith("HTTP/1.1 204 No Content\r\n"));
        }
        EmbeddedChannel other = open(port, false);
        send(other, "GET /administrator HTTP/1.1\r\n\r\n");
        assertTrue(written(other).startsWith("HTTP/1.1 200 OK\r\n"));
        handlers.remove(admin);
        EmbeddedChannel after = open(port, false);
        send(after, "GET /admin/metadata HTTP/1.1\r\n\r\n");
        assertTrue("a removed handler gets nothing more", written(after).startsWith("HTTP/1.1 200 OK\r\n"));
    }

    @Test
    public void noHandlerIs404() {
        EmbeddedChannel channel = open(new HttpPort(new HttpHandlers()), false);
        send(channel, "GET /radio HTTP/1.1\r\n\r\n");
        String answer = written(channel);
        assertTrue(answer, answer.startsWith("HTTP/1.1 404 Not Found\r\n"));
        assertTrue(answer, answer.endsWith("\r\n\r\n404 Not Found\n"));
        assertFalse(channel.isOpen());
    }

    @Test
    public void aHandlerThatThrowsIs500() {
        EmbeddedChannel channel = open(portWith("/", exchange -> {
            throw new IllegalStateException("broken");
        }), false);
        send(channel, "GET / HTTP/1.1\r\n\r\n");
        assertTrue(written(channel).startsWith("HTTP/1.1 500 Internal Server Error\r\n"));
        assertFalse(channel.isOpen());
    }

    @Test
    public void badTargetsAndVersionsAreRefused() {
        String[][] cases = {
            {"GET /a%zz HTTP/1.1", "HTTP/1.1 400 "}, {"GET /a%00b HTTP/1.1", "HTTP/1.1 400 "},
            {"GET /a%c3 HTTP/1.1", "HTTP/1.1 400 "}, {"OPTIONS * HTTP/1.1", "HTTP/1.1 400 "},
            {"GET /x HTTP/2.0", "HTTP/1.1 505 "}, {"GET /" + "a".repeat(5000) + " HTTP/1.1", "HTTP/1.0 400 "},
        };
        for (String[] c : cases) {
            EmbeddedChannel channel = open(portWith("/", hello), false);
            send(channel, c[0] + "\r\n\r\n");
            String answer = written(channel);
            assertTrue(c[0].substring(0, Math.min(20, c[0].length())) + " -> " + answer, answer.startsWith(c[1]));
        }
        assertTrue("no handler saw them", hello.exchanges.isEmpty());
    }

    @Test
    public void handlerHeadersCannotSplitTheAnswerAndThePortOwnsLengthAndConnection() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Evil", "a\r\nSet-Cookie: b");
        headers.put("Content-Length", "999");
        headers.put("Connection", "keep-alive");
        EmbeddedChannel channel = open(portWith("/", e -> e.respond(200, headers, HELLO)), false);
        send(channel, "GET / HTTP/1.1\r\n\r\n");
        assertEquals("HTTP/1.1 200 OK\r\nX-Evil: a  Set-Cookie: b\r\nContent-Length: 5\r\nConnection: close\r\n\r\n"
                + "hello", written(channel));
    }

    @Test
    public void anAnswerFromAnotherThreadIsWrittenOnTheLoop() throws Exception {
        TestConnections.Recording later = new TestConnections.Recording(e -> { });
        EmbeddedChannel channel = open(portWith("/", later), false);
        send(channel, "GET / HTTP/1.1\r\n\r\n");
        assertEquals("nothing until the handler answers", "", written(channel));
        Thread other = new Thread(() -> later.last().respond(200, Map.of(), HELLO));
        other.start();
        other.join();
        channel.runPendingTasks();
        assertTrue(written(channel).endsWith("\r\n\r\nhello"));
    }

    @Test
    public void aGoneHandlersConnectionsAreClosed() {
        HttpHandlers handlers = new HttpHandlers();
        TestConnections.Recording silent = new TestConnections.Recording(e -> e.stream(200, Map.of()));
        handlers.add(silent, Map.of(HttpHandler.PREFIX, "/"));
        EmbeddedChannel channel = open(new HttpPort(handlers), false);
        send(channel, "GET /radio HTTP/1.1\r\n\r\n");
        assertTrue(channel.isOpen());
        assertTrue("streaming keeps it in use", HttpPort.inUse(channel));
        handlers.remove(silent);
        channel.runPendingTasks();
        assertFalse(channel.isOpen());
    }
}
