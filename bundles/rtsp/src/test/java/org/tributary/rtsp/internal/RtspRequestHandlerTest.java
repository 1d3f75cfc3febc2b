package org.tributary.rtsp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.tributary.api.MediaException;
import org.tributary.api.MediaPresentation;
import org.tributary.api.MountRegistry;
import org.tributary.api.SessionRegistry;
import org.tributary.api.StreamSession;
import org.tributary.rtp.UdpPortPool;

/** The whole pipeline of a connection, without sockets: requests in, status lines out. */
public class RtspRequestHandlerTest {

    private final List<StreamSession> registered = new ArrayList<>();
    private ScheduledExecutorService timer;
    private EmbeddedChannel channel;

    @Before
    public void setUp() {
        timer = Executors.newSingleThreadScheduledExecutor();
        MountRegistry mounts = new MountRegistry() {
            @Override
            public MediaPresentation open(String path) throws MediaException {
                switch (path) {
                    case "/movie.mp4":
                        return new FakeMovie();
                    case "/broken.mp4":
                        throw new MediaException(MediaException.Reason.CORRUPT, "broken.mp4: truncated moov");
                    case "/notes.mp4":
                        throw new MediaException(MediaException.Reason.UNSUPPORTED, "notes.mp4 is not a movie");
                    default:
                        throw new MediaException(MediaException.Reason.NOT_FOUND, path);
                }
            }

            @Override
            public Map<String, String> mounts() {
                return Map.of();
            }
        };
        SessionRegistry registry = new SessionRegistry() {
            public void add(StreamSession s) { registered.add(s); }
            public void remove(StreamSession s) { registered.remove(s); }
            public List<StreamSession> sessions() { return registered; }
            public Optional<StreamSession> find(String id) { return Optional.empty(); }
        };
        RtspSessions sessions = new RtspSessions(registry, timer, 60);
        ServerContext context = new ServerContext(mounts, sessions, new UdpPortPool(30000, 30099), "127.0.0.1");
        channel = new EmbeddedChannel();
        new RtspChannelInitializer(context).initChannel(channel);
        channel.pipeline().fireChannelActive();
    }

    @After
    public void tearDown() {
        channel.finishAndReleaseAll();
        timer.shutdownNow();
    }

    private String send(String request) {
        channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        for (Object o; (o = channel.readOutbound()) != null; ) {
            ByteBuf buf = (ByteBuf) o;
            out.append(buf.toString(StandardCharsets.UTF_8));
            buf.release();
        }
        return out.toString();
    }

    private static String status(String response) {
        return response.isEmpty() ? "" : response.substring(0, response.indexOf("\r\n"));
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
        assertTrue(response, response.contains("Public: OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN"));
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
        assertTrue("the connection stays open", channel.isActive());
    }

    @Test
    public void unknownMethodIs501() {
        assertEquals("RTSP/1.0 501 Not Implemented", status(send("FOO rtsp://h/movie.mp4 RTSP/1.0\r\nCSeq: 1\r\n\r\n")));
        assertTrue(channel.isActive());
    }

    @Test
    public void garbageIs400AndCloses() {
        String response = send("\u0001\u0002binary garbage\r\n\r\n");
        assertEquals("RTSP/1.0 400 Bad Request", status(response));
        channel.runPendingTasks();
        assertFalse(channel.isActive());
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
        assertTrue(registered.isEmpty());
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
        assertTrue(registered.get(0).packetsSent() > 0);
        assertEquals(1, registered.size());
        String teardown = send("TEARDOWN rtsp://h/movie.mp4 RTSP/1.0\r\nCSeq: 4\r\nSession: " + id + "\r\n\r\n");
        // a playing session says RTCP BYE before the TEARDOWN answer
        assertTrue(teardown, teardown.startsWith("$") && teardown.contains("end of stream"));
        assertTrue(teardown, teardown.contains("RTSP/1.0 200 OK\r\n"));
        assertTrue(registered.isEmpty());
    }

    @Test
    public void closingTheConnectionEndsItsInterleavedSessions() {
        setup();
        assertEquals(1, registered.size());
        channel.close();
        assertTrue(registered.isEmpty());
        assertNotNull(Instant.now());
    }
}
