package org.tributary.rtsp.internal.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.Test;
import org.tributary.api.http.HttpHandler;

/** Prefixes from service properties, the longest one winning, and handlers coming and going. */
public class HttpHandlersTest {

    private final HttpHandlers handlers = new HttpHandlers();
    private final HttpHandler root = exchange -> { };
    private final HttpHandler admin = exchange -> { };

    @Test
    public void theLongestPrefixWinsWhateverTheOrderOfArrival() {
        handlers.add(admin, Map.of(HttpHandler.PREFIX, List.of("/admin/", "/status.xsl")));
        handlers.add(root, Map.of(HttpHandler.PREFIX, "/"));
        assertEquals(admin, handlers.find("/admin/metadata").handler());
        assertEquals(admin, handlers.find("/admin").handler());
        assertEquals(admin, handlers.find("/status.xsl").handler());
        assertEquals(root, handlers.find("/adminx").handler());
        assertEquals(root, handlers.find("/").handler());
    }

    @Test
    public void ofEqualPrefixesTheHigherRankingThenTheOlderServiceWins() {
        handlers.add(root, Map.of(HttpHandler.PREFIX, "/", "service.id", 7L));
        handlers.add(admin, Map.of(HttpHandler.PREFIX, "/", "service.id", 9L));
        assertEquals("the older service", root, handlers.find("/x").handler());
        handlers.add(admin, Map.of(HttpHandler.PREFIX, "/", "service.id", 9L, "service.ranking", 10));
        assertEquals("the higher ranking", admin, handlers.find("/x").handler());
    }

    @Test
    public void prefixesThatAreNotPathsAreIgnored() {
        handlers.add(root, Map.of(HttpHandler.PREFIX, new String[] {"radio", "/radio"}));
        handlers.add(admin, Map.of());
        assertNull(handlers.find("/other"));
        assertEquals(root, handlers.find("/radio2").handler());
    }

    @Test
    public void changedPropertiesReplaceTheOldPrefixes() {
        handlers.add(root, Map.of(HttpHandler.PREFIX, "/a/"));
        handlers.add(root, Map.of(HttpHandler.PREFIX, "/b/"));
        assertNull(handlers.find("/a/x"));
        assertEquals(root, handlers.find("/b/x").handler());
    }

    @Test
    public void aRemovedHandlerClosesWhatItServedAndServesNoMore() {
        handlers.add(root, Map.of(HttpHandler.PREFIX, "/"));
        EmbeddedChannel connection = new EmbeddedChannel();
        assertTrue(handlers.serve(root, connection));
        handlers.remove(root);
        connection.runPendingTasks();
        assertFalse(connection.isOpen());
        assertNull(handlers.find("/"));
        assertFalse("a connection after the removal is refused", handlers.serve(root, new EmbeddedChannel()));
    }
}
