package org.tributary.itests.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small blocking RTSP client for tests: it writes requests with a growing CSeq, reads the
 * status line, headers and Content-Length body of each response, and reads {@code $}-interleaved
 * frames of RTP-over-TCP. It remembers the Session id of the last SETUP and sends it on later
 * requests. Every length read from the server is bounded.
 */
public final class RtspTestClient implements Closeable {

    private static final int MAX_LINE = 8192;
    private static final int MAX_HEADERS = 100;
    private static final int MAX_BODY = 1 << 20;
    /** Frames that arrived while a response was awaited; more than this means a runaway stream. */
    private static final int MAX_BUFFERED_FRAMES = 200_000;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final TunnelPost post;
    private final Deque<InterleavedFrame> pendingFrames = new ArrayDeque<>();
    private int cseq;
    private String session;

    /** Connects to an RTSP server on the given host and port. */
    public RtspTestClient(String host, int port) throws IOException {
        this(open(host, port), null);
    }

    private RtspTestClient(Socket socket, TunnelPost post) throws IOException {
        this.socket = socket;
        this.post = post;
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = post != null ? post : socket.getOutputStream();
    }

    /**
     * Connects from a given local address, so that another loopback address (127.0.0.2) plays a
     * client on another host.
     */
    public RtspTestClient(String localAddress, String host, int port) throws IOException {
        this(open(host, port, localAddress), null);
    }

    private static Socket open(String host, int port) throws IOException {
        return open(host, port, null);
    }

    /** Connects from {@code localAddress} (null: the system's choice), with the client's timeouts. */
    static Socket open(String host, int port, String localAddress) throws IOException {
        Socket socket = new Socket();
        if (localAddress != null) {
            socket.bind(new InetSocketAddress(localAddress, 0));
        }
        socket.connect(new InetSocketAddress(host, port), (int) READ_TIMEOUT.toMillis());
        socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        socket.setTcpNoDelay(true);
        return socket;
    }

    /**
     * Opens an RTSP-over-HTTP tunnel (the QuickTime convention): a GET connection with the cookie of
     * {@code post}, which must answer 200 {@code application/x-rtsp-tunnelled} and then brings the
     * responses and interleaved frames; requests go through {@code post}. The GET comes from the
     * post's {@link TunnelPost#localAddress() local address}.
     *
     * @throws IOException when the GET is not answered 200 with that content type
     */
    public static RtspTestClient tunnel(String host, int port, TunnelPost post) throws IOException {
        RtspTestClient client = new RtspTestClient(open(host, port, post.localAddress()), post);
        client.socket.getOutputStream().write(("GET / HTTP/1.0\r\nx-sessioncookie: " + post.cookie() + "\r\n"
                + "Accept: application/x-rtsp-tunnelled\r\nPragma: no-cache\r\nCache-Control: no-cache\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        String status = client.readLine();
        StringBuilder head = new StringBuilder(status);
        for (String line = client.readLine(); !line.isEmpty(); line = client.readLine()) {
            head.append('\n').append(line);
        }
        if (!status.startsWith("HTTP/1.") || !status.contains(" 200 ")
                || !head.toString().contains("application/x-rtsp-tunnelled")) {
            client.close();
            throw new IOException("the tunnel GET was answered:\n" + head);
        }
        return client;
    }

    /**
     * Speaks RTSP over an already connected socket, for instance the blocking adaptor of a
     * {@code SocketChannel} that is later switched to non-blocking (see {@link #takeBuffered()}).
     */
    public static RtspTestClient over(Socket connected) throws IOException {
        connected.setSoTimeout((int) READ_TIMEOUT.toMillis());
        connected.setTcpNoDelay(true);
        return new RtspTestClient(connected, null);
    }

    /** Connects to the host and port of an {@code rtsp://} URL (port 554 when it has none). */
    public static RtspTestClient connect(String url) throws IOException {
        URI uri = URI.create(url);
        return new RtspTestClient(uri.getHost(), uri.getPort() < 0 ? 554 : uri.getPort());
    }

    /**
     * Sends a request and returns its response. CSeq is added, and Session too once a SETUP
     * answered one (unless {@code headers} carries its own). Each header is a
     * {@code "Name: value"} string.
     *
     * @throws IOException on a connection problem, a malformed response or a CSeq mismatch
     */
    public RtspResponse request(String method, String url, String... headers) throws IOException {
        int sent = send(method, url, headers);
        RtspResponse response = readResponse();
        String answeredCseq = response.header("CSeq");
        if (answeredCseq != null && !answeredCseq.trim().equals(Integer.toString(sent))) {
            throw new IOException("response CSeq " + answeredCseq + " does not match request CSeq " + sent
                    + response.describe());
        }
        return response;
    }

    /**
     * Writes a request like {@link #request} but does not wait for the response, so that many
     * connections can be asked at once; read it later with {@link #readResponse()}.
     *
     * @return the CSeq the request was sent with
     */
    public int send(String method, String url, String... headers) throws IOException {
        return send(method, url, null, headers);
    }

    /**
     * Sends an ANNOUNCE carrying {@code sdp} (as {@code application/sdp}) and returns its response.
     *
     * @throws IOException on a connection problem or a malformed response
     */
    public RtspResponse announce(String url, String sdp, String... headers) throws IOException {
        send("ANNOUNCE", url, sdp.getBytes(StandardCharsets.UTF_8), headers);
        return readResponse();
    }

    private int send(String method, String url, byte[] body, String... headers) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("CSeq", Integer.toString(++cseq));
        boolean ownSession = false;
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("header without a name: '" + header + "'");
            }
            fields.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
            ownSession |= header.regionMatches(true, 0, "Session:", 0, 8);
        }
        if (session != null && !ownSession) {
            fields.put("Session", session);
        }
        fields.putIfAbsent("User-Agent", "TributaryTestClient");
        if (body != null) {
            fields.put("Content-Type", "application/sdp");
            fields.put("Content-Length", Integer.toString(body.length));
        }
        StringBuilder text = new StringBuilder(method).append(' ').append(url).append(" RTSP/1.0\r\n");
        fields.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(text.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            request.writeBytes(body);
        }
        write(request.toByteArray());
        return cseq;
    }

    /** Sends a DESCRIBE, requires 200, and parses the SDP against the Content-Base. */
    public SessionDescription describe(String url) throws IOException {
        RtspResponse response = request("DESCRIBE", url, "Accept: application/sdp");
        if (response.status() != 200) {
            throw new IOException("DESCRIBE " + url + " answered " + response.status() + response.describe());
        }
        String base = response.header("Content-Base") != null ? response.header("Content-Base") : url;
        return SessionDescription.parse(response.body(), base);
    }

    /** Writes raw bytes to the connection (for malformed-input tests). */
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Reads the next response, keeping any interleaved frames met before it for
     * {@link #readFrame}, and remembers the session id it carries.
     */
    public RtspResponse readResponse() throws IOException {
        socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        while (peek() == '$') {
            if (pendingFrames.size() >= MAX_BUFFERED_FRAMES) {
                throw new IOException("more than " + MAX_BUFFERED_FRAMES + " frames before the response");
            }
            pendingFrames.add(readFrameBody());
        }
        String statusLine = readLine();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("RTSP/")) {
            throw new IOException("not an RTSP status line: '" + statusLine + "'");
        }
        int status = parseNumber(parts[1], "status code", 999);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            if (headers.size() >= MAX_HEADERS) {
                throw new IOException("more than " + MAX_HEADERS + " response headers");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line '" + line + "'");
            }
            headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        String length = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Content-Length"))
                .map(Map.Entry::getValue).findFirst().orElse("0");
        int bodyLength = parseNumber(length, "Content-Length", MAX_BODY);
        byte[] body = in.readNBytes(bodyLength);
        if (body.length < bodyLength) {
            throw new EOFException("connection closed after " + body.length + " of " + bodyLength + " body bytes");
        }
        RtspResponse response = new RtspResponse(statusLine, status, headers, new String(body, StandardCharsets.UTF_8));
        if (response.sessionId() != null) {
            session = response.sessionId();
        }
        return response;
    }

    /**
     * Returns the next interleaved frame, or null when none arrived within {@code timeout}.
     *
     * @throws EOFException when the server closed the connection
     * @throws IOException when an RTSP message arrives instead of a frame
     */
    public InterleavedFrame readFrame(Duration timeout) throws IOException {
        if (!pendingFrames.isEmpty()) {
            return pendingFrames.poll();
        }
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        int first;
        try {
            first = peek();
        } catch (SocketTimeoutException e) {
            return null;
        }
        socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        if (first != '$') {
            throw new IOException("expected an interleaved frame, got an RTSP message:" + readResponse().describe());
        }
        return readFrameBody();
    }

    /**
     * Returns true when the server closes (or resets) the connection within {@code timeout},
     * discarding whatever it sends before that.
     */
    public boolean closedByServer(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] sink = new byte[8192];
        while (System.nanoTime() < deadline) {
            socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            try {
                if (in.read(sink) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (SocketException reset) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns what arrived but was not read yet: the interleaved frames kept while a response was
     * awaited, {@code $}-framed again, then the bytes buffered or waiting in the socket. Used to hand
     * the connection over to another reader; this client must not read afterwards.
     */
    public byte[] takeBuffered() throws IOException {
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        for (InterleavedFrame frame = pendingFrames.poll(); frame != null; frame = pendingFrames.poll()) {
            rest.write('$');
            rest.write(frame.channel());
            rest.write(frame.payload().length >> 8);
            rest.write(frame.payload().length & 0xFF);
            rest.writeBytes(frame.payload());
        }
        rest.writeBytes(in.readNBytes(in.available()));
        return rest.toByteArray();
    }

    /** Returns the session id the server gave, or null before a SETUP. */
    public String session() {
        return session;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        if (post != null) {
            post.close();
        }
    }

    private int peek() throws IOException {
        in.mark(1);
        int value = in.read();
        if (value < 0) {
            throw new EOFException("server closed the connection");
        }
        in.reset();
        return value;
    }

    private InterleavedFrame readFrameBody() throws IOException {
        byte[] head = in.readNBytes(4);
        if (head.length < 4) {
            throw new EOFException("connection closed inside an interleaved frame header");
        }
        int length = ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        byte[] payload = in.readNBytes(length);
        if (payload.length < length) {
            throw new EOFException("connection closed inside a " + length + "-byte interleaved frame");
        }
        return new InterleavedFrame(head[1] & 0xFF, payload);
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("server closed the connection mid-message after '" + line + "'");
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("response line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static int parseNumber(String text, String what, int max) throws IOException {
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 0 || value > max) {
                throw new IOException(what + " " + value + " is outside 0.." + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IOException("bad " + what + " '" + text + "'", e);
        }
    }
}
