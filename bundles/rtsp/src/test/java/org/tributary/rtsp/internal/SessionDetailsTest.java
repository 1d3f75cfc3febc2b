package org.tributary.rtsp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.Rule;
import org.junit.Test;
import org.tributary.api.StreamSession;

/** What management sees of a session (kind, user, agent, transport), and the refusals counted for it. */
public class SessionDetailsTest {

    private static final String SETUP_TCP = "SETUP rtsp://h/movie.mp4/trackID=1 RTSP/1.0\r\nCSeq: 2\r\n"
            + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n";

    @Rule
    public final EmbeddedRtspServer server = new EmbeddedRtspServer();

    @Test
    public void aViewerKeepsTheUserAgentOfItsSetupCleanedAndCapped() {
        String agent = "Lavf/60.16.100 \t<script>\"x\"" + "y".repeat(400);
        String response = server.send(SETUP_TCP + "User-Agent: " + agent + "\r\n\r\n");
        assertEquals(response, "RTSP/1.0 200 OK", EmbeddedRtspServer.status(response));
        StreamSession session = server.registered.get(0);
        assertEquals(StreamSession.VIEWER, session.kind());
        assertEquals("", session.userName());
        assertEquals(256, session.userAgent().length());
        assertTrue(session.userAgent(), session.userAgent().startsWith("Lavf/60.16.100 <script>\"x\"yyy"));
        assertEquals("RTP/AVP/TCP", session.transport());
    }

    @Test
    public void aSessionOverAnHttpTunnelSaysSo() {
        EmbeddedChannel get = server.connectFrom("127.0.0.1", 40001);
        String opened = EmbeddedRtspServer.send(get, "GET /movie.mp4 HTTP/1.0\r\nx-sessioncookie: c00k1e\r\n"
                + "Accept: application/x-rtsp-tunnelled\r\n\r\n");
        assertTrue(opened, opened.startsWith("HTTP/1.0 200 OK"));
        EmbeddedChannel post = server.connectFrom("127.0.0.1", 40002);
        String setup = Base64.getEncoder().encodeToString((SETUP_TCP + "User-Agent: QuickTime/7.6\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        EmbeddedRtspServer.send(post, "POST /movie.mp4 HTTP/1.0\r\nx-sessioncookie: c00k1e\r\n"
                + "Content-Type: application/x-rtsp-tunnelled\r\nContent-Length: 32767\r\n\r\n" + setup);
        String answer = EmbeddedRtspServer.send(get, "");
        assertTrue(answer, answer.startsWith("RTSP/1.0 200 OK"));
        StreamSession session = server.registered.get(0);
        assertEquals("RTP/AVP/TCP (HTTP tunnel)", session.transport());
        assertEquals("QuickTime/7.6", session.userAgent());
        get.finishAndReleaseAll();
        post.finishAndReleaseAll();
        assertTrue("the session ended with its connection", server.registered.isEmpty());
        assertEquals("and still says how it was carried, for the access log", "RTP/AVP/TCP (HTTP tunnel)",
                session.transport());
    }

    @Test
    public void errorAnswersAreCountedAsRefusalsOfTheirProtocol() {
        server.send("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n");
        server.send("DESCRIBE rtsp://h/none.mp4 RTSP/1.0\r\nCSeq: 2\r\n\r\n");
        server.send("PLAY rtsp://h/movie.mp4 RTSP/1.0\r\nCSeq: 3\r\nSession: DEADBEEF\r\n\r\n");
        assertEquals(List.of("RTSP 404", "RTSP 454"), server.refusals);
        EmbeddedChannel browser = server.connectFrom("127.0.0.1", 40003);
        String answer = EmbeddedRtspServer.send(browser, "GET /nothing-here HTTP/1.1\r\nHost: h\r\n\r\n");
        assertTrue(answer, answer.startsWith("HTTP/1.1 404"));
        assertEquals(List.of("RTSP 404", "RTSP 454", "HTTP 404"), server.refusals);
        browser.finishAndReleaseAll();
        assertFalse(server.refusals.contains("RTSP 200"));
    }
}
