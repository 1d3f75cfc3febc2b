package org.tributary.source.live.internal.relay;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.tributary.security.AuthParamSyntax;
import org.tributary.security.MalformedAuthorizationException;

/**
 * Just enough of an RTSP origin on 127.0.0.1, one connection at a time: DESCRIBE answers an SDP,
 * SETUP and PLAY succeed, then the planned {@code $} frames are written and the connection closed
 * (or kept open until the client leaves). It can demand Digest authentication first.
 */
final class FakeOrigin implements Closeable {

    /** One request as received. */
    record Request(int connection, String method, String uri, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    static final String SESSION = "5F2A17C3";
    static final String REALM = "Tributary origin";
    static final String NONCE = "3b2c9f0d1e4a";

    private final ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    private final String sdp;
    private final List<byte[]> frames;
    private final boolean keepOpen;
    private final String digestChallenge;
    private final String expectedUser;
    private final String expectedPassword;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread thread = new Thread(this::serve, "fake-origin");
    private volatile Socket client;

    /**
     * @param frames          the whole {@code $} frames to write after PLAY
     * @param keepOpen        whether to wait for the client to close instead of closing after the frames
     * @param digestChallenge the WWW-Authenticate value to demand Digest with, {@code null} for no login
     */
    FakeOrigin(String sdp, List<byte[]> frames, boolean keepOpen, String digestChallenge, String user, String password)
            throws IOException {
        this.sdp = sdp;
        this.frames = frames;
        this.keepOpen = keepOpen;
        this.digestChallenge = digestChallenge;
        this.expectedUser = user;
        this.expectedPassword = password;
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    List<Request> requests() {
        return requests;
    }

    int connections() {
        return connections.get();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                client = socket;
                session(connections.incrementAndGet(), socket);
            } catch (IOException e) {
                // the client left or the test closed the origin: take the next connection
            }
        }
    }

    private void session(int number, Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = socket.getOutputStream();
        for (Request request = read(number, in); request != null; request = read(number, in)) {
            requests.add(request);
            String cseq = "CSeq: " + request.header("cseq") + "\r\n";
            if (digestChallenge != null && !authorized(request)) {
                answer(out, "401 Unauthorized", cseq + "WWW-Authenticate: Basic realm=\"" + REALM + "\"\r\n"
                        + "WWW-Authenticate: " + digestChallenge + "\r\n", "");
                continue;
            }
            switch (request.method()) {
                case "DESCRIBE" -> answer(out, "200 OK", cseq + "Content-Base: " + request.uri() + "/\r\n"
                        + "Content-Type: application/sdp\r\n", sdp);
                case "SETUP" -> answer(out, "200 OK", cseq + "Session: " + SESSION + ";timeout=60\r\nTransport: "
                        + request.header("transport") + "\r\n", "");
                case "PLAY" -> {
                    answer(out, "200 OK", cseq + "Session: " + SESSION + "\r\n", "");
                    for (byte[] frame : frames) {
                        out.write(frame);
                    }
                    out.flush();
                    if (!keepOpen) {
                        return;
                    }
                }
                default -> answer(out, "200 OK", cseq, "");
            }
        }
    }

    private boolean authorized(Request request) {
        String authorization = request.header("authorization");
        if (authorization == null || !authorization.startsWith("Digest ")) {
            return false;
        }
        Map<String, String> p;
        try {
            p = AuthParamSyntax.parameters(authorization.substring(7));
        } catch (MalformedAuthorizationException e) {
            return false;
        }
        String ha1 = RelayTestSupport.md5(expectedUser + ":" + REALM + ":" + expectedPassword);
        String ha2 = RelayTestSupport.md5(request.method() + ":" + p.get("uri"));
        String expected = p.containsKey("qop")
                ? RelayTestSupport.md5(ha1 + ":" + NONCE + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2)
                : RelayTestSupport.md5(ha1 + ":" + NONCE + ":" + ha2);
        return expectedUser.equals(p.get("username")) && request.uri().equals(p.get("uri"))
                && expected.equals(p.get("response"));
    }

    private static Request read(int connection, BufferedReader in) throws IOException {
        String line = in.readLine();
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        return new Request(connection, parts[0], parts[1], headers);
    }

    private static void answer(OutputStream out, String status, String headers, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "RTSP/1.0 " + status + "\r\n" + headers
                + (content.length > 0 ? "Content-Length: " + content.length + "\r\n" : "") + "\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(content);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket current = client;
        if (current != null) {
            current.close();
        }
    }
}
