package org.tributary.rtsp.internal.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.tributary.rtsp.internal.http.TestConnections.open;
import static org.tributary.rtsp.internal.http.TestConnections.portWith;
import static org.tributary.rtsp.internal.http.TestConnections.send;
import static org.tributary.rtsp.internal.http.TestConnections.written;

import java.util.Map;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.Test;
import org.tributary.api.http.HttpExchange;

/** Sources: what each login is answered on acceptance, and the body handed on raw (or de-chunked). */
public class ExchangeBodyTest {

    private final TestConnections.Body body = new TestConnections.Body();
    private final TestConnections.Recording source = new TestConnections.Recording(e -> e.receive(body));

    @Test
    public void anIcecastPutGets100ContinueAndItsBody() {
        EmbeddedChannel channel = open(portWith("/", source), false);
        send(channel, "PUT /radio HTTP/1.1\r\nExpect: 100-continue\r\nContent-Type: audio/mpeg\r\n"
                + "Authorization: Basic c291cmNlOnB3\r\n\r\n");
        assertEquals("HTTP/1.1 100 Continue\r\n\r\n", written(channel));
        assertTrue(HttpPort.inUse(channel));
        send(channel, "ID3 and frames");
        send(channel, "GET / HTTP/1.1\r\n\r\n");
        assertEquals("raw bytes, whatever they look like", "ID3 and frames" + "GET / HTTP/1.1\r\n\r\n", body.text.toString());
        assertEquals(0, body.ends);
        channel.close();
        assertEquals(1, body.ends);
        assertNull(body.cause);
    }

    @Test
    public void aLegacySourceGets200AndTheBytesSentWithItsHead() {
        EmbeddedChannel channel = open(portWith("/", source), false);
        send(channel, "SOURCE /radio HTTP/1.1\r\nContent-Type: audio/mpeg\r\n\r\n\u00ff\u00fbframe");
        assertEquals("HTTP/1.0 200 OK\r\n\r\n", written(channel));
        assertEquals("\u00ff\u00fbframe", body.text.toString());
        assertEquals("SOURCE", source.last().method());
    }

    @Test
    public void aChunkedBodyIsDeChunkedAndEndsWithItsLastChunk() {
        EmbeddedChannel channel = open(portWith("/", source), false);
        send(channel, "PUT /radio HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
        send(channel, "6;ext=1\r\n world\r\n0\r\n\r\n");
        assertEquals("hello world", body.text.toString());
        assertEquals(1, body.ends);
        assertFalse("closed after the last chunk", channel.isOpen());
    }

    @Test
    public void bytesSentBeforeALateAcceptanceComeFirst() {
        TestConnections.Recording late = new TestConnections.Recording(e -> { });
        EmbeddedChannel channel = open(portWith("/", late), false);
        send(channel, "SOURCE /radio HTTP/1.0\r\n\r\nfirst ");
        send(channel, "second ");
        assertFalse(HttpPort.inUse(channel));
        late.last().receive(body);
        channel.runPendingTasks();
        send(channel, "third");
        assertEquals("first second third", body.text.toString());
    }

    @Test
    public void moreThanTheHeldBoundBeforeAcceptanceCloses() {
        TestConnections.Recording late = new TestConnections.Recording(e -> { });
        EmbeddedChannel channel = open(portWith("/", late), false);
        send(channel, "SOURCE /radio HTTP/1.0\r\n\r\n");
        send(channel, "x".repeat(ExchangeInlet.MAX_HELD));
        assertTrue(channel.isOpen());
        send(channel, "x");
        assertFalse(channel.isOpen());
    }

    @Test
    public void aShoutcastLoginIsAnExchangeForTheRoot() {
        EmbeddedChannel channel = open(portWith("/", source), true);
        send(channel, "secretpw\nicy-name:Test Radio\nicy-genre: Tone\r\nicy-pub:0\n");
        assertTrue("nothing before the empty line", source.exchanges.isEmpty());
        send(channel, "\n\u00ff\u00fbaudio");
        HttpExchange login = source.last();
        assertEquals(HttpExchange.ICY_LOGIN, login.method());
        assertEquals(HttpExchange.ICY_LOGIN, login.protocolVersion());
        assertEquals("/", login.path());
        assertEquals("Basic c291cmNlOnNlY3JldHB3", login.header("Authorization"));
        assertEquals("Tone", login.header("icy-genre"));
        assertEquals(Map.entry("icy-name", "Test Radio"), login.headers().get(1));
        assertEquals("OK2\r\nicy-caps:11\r\n\r\n", written(channel));
        assertEquals("\u00ff\u00fbaudio", body.text.toString());
    }

    @Test
    public void aRefusedShoutcastLoginGetsItsOneLine() {
        EmbeddedChannel channel = open(portWith("/", e -> e.respond(401, Map.of(), null)), true);
        send(channel, "wrong\r\n\r\n");
        assertEquals("invalid password\r\n", written(channel));
        assertFalse(channel.isOpen());
    }

    @Test
    public void libshoutsProbeAndBadLoginsAreRefusedWithoutAHandler() {
        for (String login : new String[] {"!POKE\nicy-name:libshout server poke request\n\n",
            "pw\nno colon here\n\n", "pw\n" + "icy-x:y\n".repeat(40) + "\n", "x".repeat(2000)}) {
            EmbeddedChannel channel = open(portWith("/", source), true);
            send(channel, login);
            assertEquals(login.substring(0, 10), "invalid password\r\n", written(channel));
            assertFalse(channel.isOpen());
        }
        assertTrue(source.exchanges.isEmpty());
        EmbeddedChannel nobody = open(new HttpPort(new HttpHandlers()), true);
        send(nobody, "pw\n\n");
        assertEquals("no handler for /", "invalid password\r\n", written(nobody));
    }
}
