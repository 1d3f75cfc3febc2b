package org.tributary.itests.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The client-to-server half of an RTSP-over-HTTP tunnel, as QuickTime writes it: a POST connection
 * with the tunnel's {@code x-sessioncookie} and a made-up Content-Length, whose body is each write,
 * base64-encoded on its own. {@link #reopen()} drops the connection; the next write opens a new POST,
 * as QuickTime does between requests. A tunnel may be opened from a given local address (another
 * loopback address plays another host); its GET then comes from the same address.
 */
public final class TunnelPost extends OutputStream {

    private final String localAddress;
    private final String host;
    private final int port;
    private final String cookie;
    private Socket current;

    public TunnelPost(String host, int port, String cookie) {
        this(null, host, port, cookie);
    }

    /** A tunnel whose connections come from {@code localAddress} (null: the system's choice). */
    public TunnelPost(String localAddress, String host, int port, String cookie) {
        this.localAddress = localAddress;
        this.host = host;
        this.port = port;
        this.cookie = cookie;
    }

    public String cookie() {
        return cookie;
    }

    /** The local address the tunnel's connections come from, or null for the system's choice. */
    public String localAddress() {
        return localAddress;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        byte[] slice = new byte[length];
        System.arraycopy(bytes, offset, slice, 0, length);
        writeRaw(Base64.getEncoder().encodeToString(slice));
    }

    /** Writes text into the POST body as it is (for tests that send what is not base64). */
    public void writeRaw(String text) throws IOException {
        if (current == null) {
            current = RtspTestClient.open(host, port, localAddress);
            current.getOutputStream().write(("POST / HTTP/1.0\r\nx-sessioncookie: " + cookie + "\r\n"
                    + "Content-Type: application/x-rtsp-tunnelled\r\nPragma: no-cache\r\n"
                    + "Cache-Control: no-cache\r\nContent-Length: 32767\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        current.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        current.getOutputStream().flush();
    }

    /** Closes the current POST connection; the next write opens another. */
    public void reopen() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    @Override
    public void close() throws IOException {
        reopen();
    }
}
