package org.tributary.rtsp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;




/** The whole pipeline of a connection, without sockets: requests in, status lines out. */
public class RtspRequestHandlerTest {

    @Rule
    public final EmbeddedRtspServer server = new EmbeddedRtspServer();

    private String send(String request) {
        return server.send(request);
    }

    private static String status(String response) {
        return EmbeddedRtspServer.status(response);
    }

    private String setup() {
        String response = send("SETUP rtsp://h/movie.mp4/trackID=1 RTSP/1.0\r\nCSeq: 2\r\n"
                + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n");
        assertEquals(response, "RTSP/1.0 200 OK", status(response));
        String line = response.lines().filter(l -> l.startsWith("Session: ")).findFirst().orElseThrow();
        return line.substring("Session: ".length(), line.indexOf(';'));
    }

    @Test
    public void optionsListsTheMethodsAndEchoesCSeq() {
        String response = send("OPTIONS * RTSP/1.0\r\nCSeq: 7\r\n\r\n");
        assertEquals("RTSP/1.0 200 OK", status(response));
        assertTrue(response, response.contains("CSeq: 7\r\n"));
        assertTrue(response, response.contains("Public: OPTIONS, DESCRIBE, ANNOUNCE, SETUP, PLAY, PAUSE, RECORD, TEARDOWN"));
    }

    @Test
    public void describeAnswersSdpAndMapsSourceFailures() {
        String ok = send("DESCRIBE rtsp://h/movie.mp4 RTSP/1.0\r\nCSeq: 1\r\n\r\n");
        assertEquals("RTSP/1.0 200 OK", status(ok));
        assertTrue(ok, ok.contains("Content-Base: rtsp://h/movie.mp4/\r\n"));
        assertTrue(ok, ok.contains("a=rtpmap:96 MPEG4-GENERIC/48000/2"));
        assertEquals("RTSP/1.0 404 Not Found", status(send("DESCRIBE rtsp://h/none.mp4 RTSP/1.0\r\nCSeq: 2\r\n\r\n")));
        assertEquals("RTSP/1.0 415 Unsupported Media Type",
                status(send("DESCRIBE rtsp://h/notes.mp4 RTSP/1.0\r\nCSeq: 3\r\n\r\n")));
        assertEquals("RTSP/1.0 500 Internal Server Error",
                status(send("DESCRIBE rtsp://h/broken.mp4 RTSP/1.0\r\nCSeq: 4\r\n\r\n")));
        assertTrue("the connection stays open", server.channel.isActive());
    }

    @Test
    public void anotherVersionIs505AndTheConnectionStays() {
        for (String version : new String[] {"RTSP/2.0", "RTSP/1.1", "HTTP/1.1"}) {
            assertEquals(version, "RTSP/1.0 505 RTSP Version not supported",
                    status(send("OPTIONS * " + version + "\r\nCSeq: 1\r\n\r\n")));
        }
        assertTrue(server.channel.isActive());
    }

    @Test
    public void requiredOptionsAre551WithUnsupported() {
        String response = send("DESCRIBE rtsp://h/movie.mp4 RTSP/1.0\r\nCSeq: 1\r\nRequire: funky, play.basic\r\n"
                + "Proxy-Require: com.example.cache\r\n\r\n");
        assertEquals("RTSP/1.0 551 Option not supported", status(response));
        assertEquals(List.of("funky, play.basic, com.example.cache"), EmbeddedRtspServer.headers(response, "Unsupported"));
        assertEquals("an empty Require asks for nothing", "RTSP/1.0 200 OK",
                status(send("OPTIONS * RTSP/1.0\r\nCSeq: 2\r\nRequire: \r\n\r\n")));
    }

    @Test
    public void scaleIsOneOrRefused() {
        String session = setup();
        String play = "PLAY rtsp://h/movie.mp4 RTSP/1.0\r\nCSeq: 3\r\nSession: " + session + "\r\nScale: ";
        assertEquals("RTSP/1.0 456 Header Field Not Valid for Resource", status(send(play + "-1\r\n\r\n")));
        for (String invalid : new String[] {"0", "NaN", "Infinity", "1e3", "+2", "fast"}) {
            assertEquals(invalid, "RTSP/1.0 400 Bad Request", status(send(play + invalid + "\r\n\r\n")));
        }
        String fast = send(play + "2.5\r\n\r\n");
        assertEquals("RTSP/1.0 200 OK", status(fast));
        assertEquals(List.of("1"), EmbeddedRtspServer.headers(fast, "Scale"));
    }

    @Test
    public void unknownMethodIs501() {
        assertEquals("RTSP/1.0 501 Not Implemented", status(send("FOO rtsp://h/movie.mp4 RTSP/1.0\r\nCSeq: 1\r\n\r\n")));
        assertTrue(server.channel.isActive());
    }

    @Test
    public void garbageIs400AndCloses() {
        String response = send("\u0001\u0002binary garbage\r\n\r\n");
        assertEquals("RTSP/1.0 400 Bad Request", status(response));
        server.channel.runPendingTasks();
        assertFalse(server.channel.isActive());
    }

    @Test
    public void playBeforeSetupIs455AndUnknownSessionIs454() {
        assertEquals("RTSP/1.0 455 Method Not Valid in This State",
                status(send("PLAY rtsp://h/movie.mp4 RTSP/1.0\r\nCSeq: 1\r\n\r\n")));
        assertEquals("RTSP/1.0 454 Session Not Found",
                status(send("PLAY rtsp://h/movie.mp4 RTSP/1.0\r\nCSeq: 2\r\nSession: DEADBEEF\r\n\r\n")));
    }

    @Test
    public void unsupportedTransportIs461AndLeavesNoSession() {
        String response = send("SETUP rtsp://h/movie.mp4/trackID=1 RTSP/1.0\r\nCSeq: 1\r\n"
                + "Transport: RAW/RAW/UDP;unicast;client_port=4000-4001\r\n\r\n");
        assertEquals("RTSP/1.0 461 Unsupported transport", status(response));
        assertTrue(server.registered.isEmpty());
    }

    @Test
    public void rangeOutsideTheMovieIs457() {
        String id = setup();
        assertEquals("RTSP/1.0 457 Invalid Range", status(send("PLAY rtsp://h/movie.mp4 RTSP/1.0\r\nCSeq: 3\r\n"
                + "Session: " + id + "\r\nRange: npt=50-\r\n\r\n")));
    }

    @Test
    public void playSendsInterleavedRtpAndRtpInfo() {
        String id = setup();
        String play = send("PLAY rtsp://h/movie.mp4 RTSP/1.0\r\nCSeq: 3\r\nSession: " + id + "\r\nRange: npt=1-\r\n\r\n");
        assertEquals(play, "RTSP/1.0 200 OK", status(play));
        // frame 46 starts at 46 * 1024 / 48000 = 0.981 s: the last frame starting at or before 1 s
        assertTrue(play, play.contains("Range: npt=0.981-2.005"));
        assertTrue(play, play.matches("(?s).*RTP-Info: url=rtsp://h/movie.mp4/trackID=1;seq=\\d+;rtptime=\\d+.*"));
        // the embedded loop runs the due pump tick right after the request: frames follow the response
        int afterResponse = play.indexOf("\r\n\r\n") + 4;
        assertTrue("an interleaved frame follows the PLAY response", play.length() > afterResponse);
        assertEquals('$', play.charAt(afterResponse));
        assertTrue(server.registered.get(0).packetsSent() > 0);
        assertEquals(1, server.registered.size());
        String teardown = send("TEARDOWN rtsp://h/movie.mp4 RTSP/1.0\r\nCSeq: 4\r\nSession: " + id + "\r\n\r\n");
        // a playing session says RTCP BYE before the TEARDOWN answer
        assertTrue(teardown, teardown.startsWith("$") && teardown.contains("end of stream"));
        assertTrue(teardown, teardown.contains("RTSP/1.0 200 OK\r\n"));
        assertTrue(server.registered.isEmpty());
    }

    @Test
    public void closingTheConnectionEndsItsInterleavedSessions() {
        setup();
        assertEquals(1, server.registered.size());
        server.channel.close();
        assertTrue(server.registered.isEmpty());
    }
}
