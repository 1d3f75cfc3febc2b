package org.tributary.rtsp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Rule;
import org.junit.Test;

/** A viewer's session ended by the server closes its interleaved connection; one torn down by its client does not. */
public class SessionEndTest {

    @Rule
    public final EmbeddedRtspServer server = new EmbeddedRtspServer();

    private String playInterleaved() {
        String setup = server.send("SETUP rtsp://h/movie.mp4/trackID=1 RTSP/1.0\r\nCSeq: 2\r\n"
                + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n");
        assertEquals(setup, "RTSP/1.0 200 OK", EmbeddedRtspServer.status(setup));
        String id = EmbeddedRtspServer.headers(setup, "Session").get(0).split(";")[0];
        String play = server.send("PLAY rtsp://h/movie.mp4 RTSP/1.0\r\nCSeq: 3\r\nSession: " + id + "\r\n\r\n");
        assertTrue(play, play.startsWith("RTSP/1.0 200 OK"));
        return id;
    }

    @Test
    public void kickClosesTheConnectionOfAnInterleavedViewer() {
        playInterleaved();
        server.registered.get(0).close();
        assertFalse("the client notices: its connection is closed", server.channel.isActive());
        assertTrue(server.registered.isEmpty());
    }

    @Test
    public void teardownKeepsTheConnectionForMoreRequests() {
        String id = playInterleaved();
        String teardown = server.send("TEARDOWN rtsp://h/movie.mp4 RTSP/1.0\r\nCSeq: 4\r\nSession: " + id + "\r\n\r\n");
        assertTrue(teardown, teardown.contains("RTSP/1.0 200 OK\r\n"));
        assertTrue(server.channel.isActive());
        assertTrue(server.registered.isEmpty());
        String options = server.send("OPTIONS * RTSP/1.0\r\nCSeq: 5\r\n\r\n");
        assertEquals("RTSP/1.0 200 OK", EmbeddedRtspServer.status(options));
    }
}
