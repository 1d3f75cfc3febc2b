package org.tributary.rtsp.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.tributary.api.http.HttpHandler;

/**
 * When the server stops it closes every connection itself, those an HTTP handler streams to included: once
 * its loops are shut down nothing would close them, and the MP3 listeners and sources they carry would
 * hang on, unread, with their sockets held.
 */
public class CloseConnectionsTest {

    @Rule
    public final EmbeddedRtspServer server = new EmbeddedRtspServer();

    @Test
    public void closesAConnectionAnHttpHandlerStreamsTo() {
        server.httpHandlers.add(exchange -> exchange.stream(200, Map.of()), Map.of(HttpHandler.PREFIX, "/"));
        // the server's one embedded connection (embedded channels share one id: a group holds only one)
        server.send("GET /radio HTTP/1.0\r\n\r\n");
        assertTrue(server.channel.isActive());

        server.initializer.closeConnectionsNow(Duration.ofSeconds(1));
        server.channel.runPendingTasks();
        assertFalse("the MP3 listener's connection", server.channel.isOpen());
    }
}
