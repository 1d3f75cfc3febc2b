package org.tributary.itests.support;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The raw client against a scripted server socket: exact request bytes, parsing, frames, limits. */
public class RtspTestClientTest {

    private ServerSocket server;

    @Before
    public void listen() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @After
    public void stop() throws IOException {
        server.close();
    }

    @Test
    public void writesCseqAndSessionAndReadsTheResponseBody() throws Exception {
        CompletableFuture<String> requests = serve(
                "RTSP/1.0 200 OK\r\nCSeq: 1\r\nSession: 12AB;timeout=60\r\n\r\n",
                "RTSP/1.0 200 OK\r\ncseq: 2\r\ncontent-length: 5\r\n\r\nhello");
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", server.getLocalPort())) {
            RtspResponse setup = client.request("SETUP", "rtsp://h/a/trackID=1", "Transport: RTP/AVP/TCP;interleaved=0-1");
            assertEquals(200, setup.status());
            assertEquals("12AB", client.session());
            RtspResponse play = client.request("PLAY", "rtsp://h/a");
            assertEquals("hello", play.body());
            assertEquals("5", play.header("Content-Length"));
        }
        assertEquals("SETUP rtsp://h/a/trackID=1 RTSP/1.0\r\nCSeq: 1\r\nTransport: RTP/AVP/TCP;interleaved=0-1\r\n"
                + "User-Agent: TributaryTestClient\r\n\r\n"
                + "PLAY rtsp://h/a RTSP/1.0\r\nCSeq: 2\r\nSession: 12AB\r\nUser-Agent: TributaryTestClient\r\n\r\n",
                requests.get(5, TimeUnit.SECONDS));
    }

    @Test
    public void announceCarriesTheSdpWithItsLength() throws Exception {
        CompletableFuture<String> requests = serve("RTSP/1.0 200 OK\r\nCSeq: 1\r\n\r\n");
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", server.getLocalPort())) {
            assertEquals(200, client.announce("rtsp://h/live/a", "v=0\r\n").status());
        }
        assertEquals("ANNOUNCE rtsp://h/live/a RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: TributaryTestClient\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: 5\r\n\r\nv=0\r\n",
                requests.get(5, TimeUnit.SECONDS));
    }

    @Test
    public void keepsFramesThatArriveBeforeTheResponse() throws Exception {
        byte[] frame = {'$', 2, 0, 3, 7, 8, 9};
        serveBytes(false, concat(frame, "RTSP/1.0 200 OK\r\nCSeq: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", server.getLocalPort())) {
            assertEquals(200, client.request("PAUSE", "rtsp://h/a").status());
            InterleavedFrame kept = client.readFrame(Duration.ofMillis(100));
            assertEquals(2, kept.channel());
            assertArrayEquals(new byte[] {7, 8, 9}, kept.payload());
            assertNull(client.readFrame(Duration.ofMillis(100)));
        }
    }

    @Test
    public void handsOverWhatArrivedButWasNotRead() throws Exception {
        byte[] before = {'$', 2, 0, 3, 7, 8, 9};
        byte[] after = {'$', 4, 0, 1, 5};
        serveBytes(false, concat(concat(before, "RTSP/1.0 200 OK\r\nCSeq: 1\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII)), after));
        try (java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open(
                new java.net.InetSocketAddress("127.0.0.1", server.getLocalPort()))) {
            RtspTestClient client = RtspTestClient.over(channel.socket());
            assertEquals(200, client.request("PLAY", "rtsp://h/a").status());
            assertArrayEquals(concat(before, after), client.takeBuffered());
        }
    }

    @Test
    public void refusesAMismatchedCseq() throws Exception {
        serve("RTSP/1.0 200 OK\r\nCSeq: 7\r\n\r\n");
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", server.getLocalPort())) {
            IOException e = assertThrows(IOException.class, () -> client.request("OPTIONS", "*"));
            assertTrue(e.getMessage(), e.getMessage().contains("CSeq 7 does not match request CSeq 1"));
        }
    }

    @Test
    public void refusesAContentLengthOverOneMebibyte() throws Exception {
        serve("RTSP/1.0 200 OK\r\nCSeq: 1\r\nContent-Length: 2000000\r\n\r\n");
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", server.getLocalPort())) {
            IOException e = assertThrows(IOException.class, () -> client.request("DESCRIBE", "rtsp://h/a"));
            assertTrue(e.getMessage(), e.getMessage().contains("Content-Length 2000000 is outside"));
        }
    }

    @Test
    public void seesTheServerClosingTheConnection() throws Exception {
        serveBytes(true, "RTSP/1.0 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", server.getLocalPort())) {
            client.write("garbage\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(400, client.readResponse().status());
            assertTrue(client.closedByServer(Duration.ofSeconds(5)));
        }
    }

    /**
     * Accepts one connection; for each reply reads one request and writes the reply; then waits
     * for the client to close. Returns the requests it read.
     */
    private CompletableFuture<String> serve(String... replies) {
        byte[][] bytes = new byte[replies.length][];
        for (int i = 0; i < replies.length; i++) {
            bytes[i] = replies[i].getBytes(StandardCharsets.US_ASCII);
        }
        return serveBytes(false, bytes);
    }

    private CompletableFuture<String> serveBytes(boolean closeAfterReplies, byte[]... replies) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket socket = server.accept()) {
                StringBuilder requests = new StringBuilder();
                for (byte[] reply : replies) {
                    requests.append(readRequest(socket.getInputStream()));
                    socket.getOutputStream().write(reply);
                }
                if (!closeAfterReplies) {
                    socket.getInputStream().readAllBytes();
                }
                return requests.toString();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        while (!request.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            request.write(b);
        }
        String head = request.toString(StandardCharsets.US_ASCII);
        Matcher length = Pattern.compile("Content-Length: (\\d+)").matcher(head);
        return length.find() ? head + new String(in.readNBytes(Integer.parseInt(length.group(1))),
                StandardCharsets.US_ASCII) : head;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
