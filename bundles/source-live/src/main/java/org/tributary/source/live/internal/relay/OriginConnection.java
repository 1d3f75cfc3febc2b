package org.tributary.source.live.internal.relay;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A blocking RTSP client connection to an origin: writes requests with CSeq and credentials, reads
 * responses and {@code $}-interleaved frames from the same stream. Only {@link #close()} and
 * {@link #send} may be called from another thread than the reader's.
 *
 * <p>Limits on what the origin sends:
 * <table>
 * <caption>read limits</caption>
 * <tr><td>start line and headers</td><td>{@value #MAX_HEADER_BYTES} bytes together</td></tr>
 * <tr><td>body ({@code Content-Length})</td><td>{@value #MAX_BODY_BYTES} bytes</td></tr>
 * <tr><td>interleaved frame</td><td>65,535 bytes (its 16-bit length)</td></tr>
 * </table>
 */
final class OriginConnection implements Closeable {

    static final int MAX_HEADER_BYTES = 8 * 1024;
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String USER_AGENT = "Tributary relay";

    /** Receives the interleaved frames read while waiting for something else. */
    interface FrameSink {
        void frame(int channel, byte[] data, int length);
    }

    private final Socket socket = new Socket();
    private final OriginCredentials credentials;
    private final boolean hasUser;
    private final byte[] frame = new byte[65535];
    private InputStream in;
    private OutputStream out;
    private int cseq;
    private String session;

    OriginConnection(OriginUrl origin) {
        this.credentials = new OriginCredentials(origin.user(), origin.password());
        this.hasUser = origin.hasCredentials();
    }

    /** Connects, waiting at most {@code timeoutMillis} for the connection and then for each read. */
    void connect(OriginUrl origin, int timeoutMillis) throws IOException {
        socket.connect(new InetSocketAddress(origin.host(), origin.port()), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
    }

    /** Sets how long a read may wait before the origin counts as gone. */
    void readTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    /** @param id the session the origin gave, sent with every later request */
    void session(String id) {
        session = id;
    }

    /**
     * Sends a request and reads its answer, answering one authentication challenge on the way.
     * Frames read meanwhile go to {@code frames}.
     *
     * @param extra more header lines, each {@code Name: value}
     * @return the answer, whatever its status
     */
    OriginResponse request(String method, String uri, FrameSink frames, String... extra) throws IOException {
        OriginResponse response = response(send(method, uri, extra), frames);
        if (response.status() == 401) {
            if (!hasUser) {
                throw new OriginException("origin asks for a login (401) and the relay url has no user:password");
            }
            credentials.challenge(response.headers("www-authenticate"));
            response = response(send(method, uri, extra), frames);
            if (response.status() == 401) {
                throw new OriginException("origin refused the relay's credentials for " + method + " (401)");
            }
        }
        return response;
    }

    /** Writes a request without reading its answer; returns its CSeq. Safe from any thread. */
    synchronized int send(String method, String uri, String... extra) throws IOException {
        int number = ++cseq;
        StringBuilder request = new StringBuilder(method).append(' ').append(uri).append(" RTSP/1.0\r\n")
                .append("CSeq: ").append(number).append("\r\nUser-Agent: ").append(USER_AGENT).append("\r\n");
        String authorization = credentials.authorization(method, uri);
        if (authorization != null) {
            request.append("Authorization: ").append(authorization).append("\r\n");
        }
        if (session != null) {
            request.append("Session: ").append(session).append("\r\n");
        }
        for (String line : extra) {
            request.append(line).append("\r\n");
        }
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return number;
    }

    private OriginResponse response(int number, FrameSink frames) throws IOException {
        while (true) {
            OriginResponse message = next(frames);
            if (message != null && message.status() >= 0 && String.valueOf(number).equals(message.header("cseq"))) {
                return message;
            }
        }
    }

    /**
     * Reads the next thing the origin sends: a frame goes to {@code frames} and gives {@code null}.
     *
     * @throws EOFException when the origin closed the connection
     */
    OriginResponse next(FrameSink frames) throws IOException {
        in.mark(1);
        int first = in.read();
        if (first < 0) {
            throw new EOFException("origin closed the connection");
        }
        if (first == '$') {
            int channel = readByte();
            int length = readByte() << 8 | readByte();
            readFully(frame, length);
            frames.frame(channel, frame, length);
            return null;
        }
        in.reset();
        return message();
    }

    private OriginResponse message() throws IOException {
        int[] budget = {MAX_HEADER_BYTES};
        String startLine = line(budget);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(budget); !line.isEmpty(); line = line(budget)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new OriginException("origin sent a header line without a name: " + abbreviate(line));
            }
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        int status = status(startLine);
        String body = "";
        List<String> lengths = headers.get("content-length");
        if (lengths != null) {
            String value = lengths.get(0);
            if (!value.matches("\\d{1,9}") || Integer.parseInt(value) > MAX_BODY_BYTES) {
                throw new OriginException("origin sent a Content-Length that is not a number up to " + MAX_BODY_BYTES
                        + ": " + abbreviate(value));
            }
            byte[] bytes = new byte[Integer.parseInt(value)];
            readFully(bytes, bytes.length);
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        return new OriginResponse(startLine, status, headers, body);
    }

    private static int status(String startLine) throws OriginException {
        if (!startLine.startsWith("RTSP/")) {
            if (startLine.matches("[A-Z_]{1,32} \\S+ RTSP/1\\.0")) {
                return -1;
            }
            throw new OriginException("origin sent neither an RTSP message nor a frame: " + abbreviate(startLine));
        }
        String[] parts = startLine.split(" ", 3);
        if (parts.length < 2 || !parts[1].matches("\\d{3}")) {
            throw new OriginException("origin sent a malformed status line: " + abbreviate(startLine));
        }
        return Integer.parseInt(parts[1]);
    }

    private String line(int[] budget) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = readByte();
            if (--budget[0] < 0) {
                throw new OriginException("origin sent a status line and headers longer than " + MAX_HEADER_BYTES
                        + " bytes");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("origin closed the connection");
        }
        return b;
    }

    private void readFully(byte[] into, int length) throws IOException {
        if (in.readNBytes(into, 0, length) < length) {
            throw new EOFException("origin closed the connection in the middle of a message");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    /** Closes the socket, which ends a read blocked in another thread. Idempotent. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
