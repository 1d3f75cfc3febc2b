package org.tributary.itests.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bare HTTP/1.0 client for the MP3 broadcast: sends one request head (and optionally a body), then reads
 * the status, the headers and up to a bound of body bytes, as an MP3 player or an Icecast source would.
 */
final class IcyClient {

    /**
     * What came back.
     *
     * @param status  the status code, or -1 when the connection closed before a status line
     * @param headers the headers, names in lower case
     * @param body    the body bytes read
     * @param closed  whether the server closed the connection before the bound was read
     */
    record Reply(int status, Map<String, String> headers, byte[] body, boolean closed) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private IcyClient() {
    }

    /** @return the Authorization header value of HTTP Basic credentials */
    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param head      the request line and headers, without the blank line
     * @param body      bytes sent after the head (a source's audio), or null
     * @param maxBody   the most body bytes read
     * @param timeoutMs how long one read may wait
     */
    static Reply exchange(int port, String head, byte[] body, int maxBody, int timeoutMs) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(timeoutMs);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException closedEarly) {
                    // the server may close while the body is still being sent: what it answered counts
                }
            }
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            if (statusLine == null) {
                return new Reply(-1, Map.of(), new byte[0], true);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            boolean closed = false;
            byte[] buffer = new byte[8192];
            try {
                while (received.size() < maxBody) {
                    int n = in.read(buffer, 0, Math.min(buffer.length, maxBody - received.size()));
                    if (n < 0) {
                        closed = true;
                        break;
                    }
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException quiet) {
                // a live stream that paused, or a server that neither answers nor closes: report what came
            } catch (IOException reset) {
                closed = true;
            }
            String[] parts = statusLine.split(" ", 3);
            int status = parts.length >= 2 && parts[1].matches("[0-9]{3}") ? Integer.parseInt(parts[1]) : -1;
            return new Reply(status, headers, received.toByteArray(), closed);
        }
    }

    /** @return the first {@code StreamTitle='...';} found in a stream read with the given icy-metaint */
    static String firstTitle(byte[] stream, int metaInterval) {
        List<String> titles = titles(stream, metaInterval);
        return titles.isEmpty() ? null : titles.get(0);
    }

    /** @return every {@code StreamTitle='...';} of a stream read with the given icy-metaint, in order */
    static List<String> titles(byte[] stream, int metaInterval) {
        List<String> titles = new ArrayList<>();
        int p = metaInterval;
        while (p < stream.length) {
            int length = (stream[p] & 0xFF) * 16;
            if (length > 0 && p + 1 + length <= stream.length) {
                String text = new String(stream, p + 1, length, StandardCharsets.UTF_8).replace("\0", "");
                int start = text.indexOf("StreamTitle='");
                int end = text.lastIndexOf("';");
                if (start >= 0 && end > start) {
                    titles.add(text.substring(start + 13, end));
                }
            }
            p += 1 + length + metaInterval;
        }
        return titles;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                return text.length() == 0 ? null : text.toString();
            }
            if (c != '\r') {
                text.append((char) c);
            }
        }
        return text.toString();
    }
}
