package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.InterleavedFrame;
import org.tributary.itests.support.OpenSockets;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.RtspResponse;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;
import org.tributary.itests.support.TunnelPost;

/**
 * RTSP over HTTP on the ordinary RTSP port: ffmpeg ({@code -rtsp_transport http}) and GStreamer
 * ({@code rtsph://}) play through it; a session survives its POST connection closing and reopening,
 * as QuickTime does, and {@code stream:sessions} shows its transport as tunnelled; unpaired or forged
 * cookies, invalid base64, a GET without POST and a TLS handshake are closed cleanly, and leave no
 * connection or UDP port behind.
 */
public class HttpTunnelInteropIT {

    private static final int TUNNEL_TIMEOUT_SECONDS = 2;

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution()
            .withConfig("org.tributary.rtsp.cfg", Map.of("tunnelTimeout", Integer.toString(TUNNEL_TIMEOUT_SECONDS)));

    private static final Duration CLOSED_WITHIN = Duration.ofSeconds(TUNNEL_TIMEOUT_SECONDS + 8);

    @Before
    public void needsClients() {
        Tools.require("ffmpeg", "gst-launch-1.0");
    }

    @Test
    public void ffmpegDecodesEveryPacketThroughTheTunnel() {
        PlaybackAssertions.assertPlaysEveryPacket(SERVER, "sample.mp4", "http");
    }

    @Test
    public void gstreamerDecodesEveryPictureThroughTheTunnel() {
        String url = SERVER.url("/sample.mov").replace("rtsp://", "rtsph://");
        ProcessResult play = ExternalCommand.of(Gstreamer.countingCommand(url, "tcp"))
                .timeout(Duration.ofSeconds(60)).run();
        assertTrue("GStreamer must reach end-of-stream through the tunnel" + play.describe(),
                Gstreamer.reachedEndOfStream(play));
        assertEquals("pictures decoded" + play.describe(), 250, Gstreamer.decodedPictures(play));
    }

    @Test
    public void aSessionSurvivesItsPostConnectionClosingAndReopening() throws IOException {
        String url = SERVER.url("/sample.mp4");
        TunnelPost post = new TunnelPost("127.0.0.1", SERVER.rtspPort(), UUID.randomUUID().toString());
        try (RtspTestClient client = RtspTestClient.tunnel("127.0.0.1", SERVER.rtspPort(), post)) {
            assertEquals("tracks described through the tunnel", 2, client.describe(url).tracks().size());
            post.reopen();
            assertOk(client.request("SETUP", url + "/trackID=1", "Transport: RTP/AVP/TCP;unicast;interleaved=0-1"));
            post.reopen();
            assertOk(client.request("SETUP", url + "/trackID=2", "Transport: RTP/AVP/TCP;unicast;interleaved=2-3"));
            post.reopen();
            assertOk(client.request("PLAY", url, "Range: npt=0-"));
            ProcessResult sessions = SERVER.client("stream:sessions");
            assertTrue("the session says it is tunnelled" + sessions.describe(),
                    sessions.stdout().contains("RTP/AVP/TCP (HTTP tunnel)"));
            int video = 0;
            while (video < 50) {
                InterleavedFrame frame = client.readFrame(Duration.ofSeconds(10));
                if (frame == null) {
                    fail("no media on the tunnel's GET connection after " + video + " video packets");
                }
                video += frame.channel() == 0 ? 1 : 0;
            }
            post.reopen();
            assertOk(client.request("TEARDOWN", url));
        }
    }

    @Test
    public void badTunnelsAreClosedAndLeaveNothingOpen() throws Exception {
        int[] udp = SERVER.rtpPortRange();
        long tcpBefore = OpenSockets.tcpConnections(SERVER.rtspPort());
        long udpBefore = OpenSockets.udpSockets(udp[0], udp[1]);

        assertHttpAnswer("POST with a cookie no tunnel has", rawPost("127.0.0.1", "no-such-cookie", ""), "HTTP/1.0 404");
        try (Socket get = openGet("cookie-a")) {
            String forged = rawPost("127.0.0.2", "cookie-a", "T1BUSU9OUw==");
            assertTrue("a POST from another address must be refused: " + forged, forged.startsWith("HTTP/1.0 403"));
            assertClosedByServer("the GET whose POST never came", get);
        }
        try (Socket get = openGet("cookie-b"); Socket bad = rawPostSocket("127.0.0.1", "cookie-b", "T1BU*SU9OUw==")) {
            assertClosedByServer("the tunnel after invalid base64", get);
            assertClosedByServer("the POST with invalid base64", bad);
        }
        try (SSLSocket tls = (SSLSocket) SSLSocketFactory.getDefault().createSocket("127.0.0.1", SERVER.rtspPort())) {
            tls.setSoTimeout(10_000);
            tls.startHandshake();
            fail("a TLS handshake on the plain RTSP port must not succeed");
        } catch (IOException expected) {
            // closed by the server
        }
        await("connections and ports back to what they were").atMost(CLOSED_WITHIN)
                .until(() -> OpenSockets.tcpConnections(SERVER.rtspPort()) == tcpBefore
                        && OpenSockets.udpSockets(udp[0], udp[1]) == udpBefore);
        assertTrue("the server log names the TLS handshake", SERVER.logText().contains("TLS handshake from"));
        PlaybackAssertions.assertPlaysEveryPacket(SERVER, "sample.mp4", "tcp");
    }

    private static void assertOk(RtspResponse response) {
        assertEquals(response.describe(), 200, response.status());
    }

    private static Socket openGet(String cookie) throws IOException {
        Socket get = connect("127.0.0.1");
        get.getOutputStream().write(("GET / HTTP/1.0\r\nx-sessioncookie: " + cookie
                + "\r\nAccept: application/x-rtsp-tunnelled\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String head = readHead(get.getInputStream());
        assertTrue("tunnel GET answered: " + head, head.startsWith("HTTP/1.0 200 OK"));
        return get;
    }

    private static String rawPost(String from, String cookie, String body) throws IOException {
        return answer(rawPostSocket(from, cookie, body));
    }

    private static Socket rawPostSocket(String from, String cookie, String body) throws IOException {
        Socket socket = connect(from);
        socket.getOutputStream().write(("POST / HTTP/1.0\r\nx-sessioncookie: " + cookie
                + "\r\nContent-Type: application/x-rtsp-tunnelled\r\nContent-Length: 32767\r\n\r\n" + body)
                .getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static Socket connect(String from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", SERVER.rtspPort()), 10_000);
        socket.setSoTimeout((int) CLOSED_WITHIN.toMillis());
        return socket;
    }

    /** Reads an HTTP answer up to the server's close, and closes the socket. */
    private static String answer(Socket socket) throws IOException {
        try (socket) {
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static void assertHttpAnswer(String what, String answer, String start) {
        assertTrue(what + " answered: " + answer, answer.startsWith(start));
    }

    private static void assertClosedByServer(String what, Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] sink = new byte[4096];
        try {
            while (in.read(sink) >= 0) {
                // drain what comes before the close
            }
        } catch (java.net.SocketTimeoutException e) {
            fail(what + " was not closed by the server within " + CLOSED_WITHIN.toSeconds() + " s");
        } catch (java.net.SocketException reset) {
            // closed
        }
    }
}
