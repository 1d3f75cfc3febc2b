package org.tributary.rtsp.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.Rule;
import org.junit.Test;
import org.tributary.api.http.BodyReceiver;
import org.tributary.api.http.HttpHandler;

/**
 * The connection guards of the streaming ports hold for HTTP exchanges too: a head or a Shoutcast login
 * must arrive within the request timeout, an unanswered request is closed by the idle timeout, a listener
 * that stops reading by the drain timeout, and a connection that streams an answer or receives a body is
 * in use however long it lasts.
 */
public class HttpGuardsTest {

    @Rule
    public final EmbeddedRtspServer server = new EmbeddedRtspServer();

    private EmbeddedChannel connect(HttpHandler handler) {
        server.httpHandlers.add(handler, Map.of(HttpHandler.PREFIX, "/"));
        EmbeddedChannel connection = server.connectFrom("127.0.0.1", 40000);
        connection.freezeTime();
        return connection;
    }

    private static void after(EmbeddedChannel connection, long seconds) {
        connection.advanceTimeBy(seconds, TimeUnit.SECONDS);
        connection.runScheduledPendingTasks();
    }

    @Test
    public void aStreamedAnswerOutlivesTheIdleTimeout() {
        EmbeddedChannel listener = connect(exchange -> exchange.stream(200, Map.of()));
        EmbeddedRtspServer.send(listener, "GET /radio HTTP/1.0\r\n\r\n");
        after(listener, 61);
        after(listener, 61);
        assertTrue(listener.isActive());
    }

    @Test
    public void aListenerThatStopsReadingIsClosedByTheDrainTimeout() {
        EmbeddedChannel listener = connect(exchange -> exchange.stream(200, Map.of()));
        EmbeddedRtspServer.send(listener, "GET /radio HTTP/1.0\r\n\r\n");
        // what a client that reads nothing leaves behind: an outbound buffer above the high-water mark
        listener.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        listener.runPendingTasks();
        after(listener, 14);
        assertTrue(listener.isActive());
        after(listener, 2);
        assertFalse(listener.isActive());
    }

    @Test
    public void aSourceBodyIsNotARequestThatMustEnd() {
        EmbeddedChannel source = connect(exchange -> exchange.receive(new BodyReceiver() {
            public void data(java.nio.ByteBuffer chunk) {
            }

            public void ended(Throwable cause) {
            }
        }));
        EmbeddedRtspServer.send(source, "SOURCE /radio HTTP/1.0\r\n\r\n");
        for (int i = 0; i < 10; i++) {
            EmbeddedRtspServer.send(source, "frames");
            after(source, 10);
        }
        after(source, 120);
        assertTrue(source.isActive());
    }

    @Test
    public void anUnansweredRequestIsClosedByTheIdleTimeout() {
        EmbeddedChannel waiting = connect(exchange -> { });
        EmbeddedRtspServer.send(waiting, "GET /radio HTTP/1.0\r\n\r\n");
        after(waiting, 59);
        assertTrue(waiting.isActive());
        after(waiting, 2);
        assertFalse(waiting.isActive());
    }

    @Test
    public void halfSentHeadsAndLoginsAreClosedByTheRequestDeadline() {
        for (String half : new String[] {"GET /radio HTTP/1.1\r\nHost: x\r\n", "secret\r\nicy-name:x\r\n", "secr"}) {
            EmbeddedChannel slow = connect(exchange -> exchange.respond(200, Map.of(), null));
            EmbeddedRtspServer.send(slow, half);
            after(slow, 14);
            assertTrue(slow.isActive());
            after(slow, 2);
            assertFalse(half, slow.isActive());
        }
    }
}
