package org.tributary.itests.bench;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tributary.itests.support.RtspResponse;
import org.tributary.itests.support.RtspTestClient;

/**
 * The benchmark's publisher: ANNOUNCE of one opaque track, SETUP {@code mode=record} over UDP
 * and RECORD on an RTSP connection, and a UDP channel bound to the announced client port and
 * connected to the server port the SETUP answer names, ready for {@link PacedSender}.
 */
final class LivePublisher implements Closeable {

    /** The only payload type announced. */
    static final int PAYLOAD_TYPE = 96;
    /** The RTP clock of the announced track. */
    static final int CLOCK_RATE = 90000;

    private static final int RECEIVE_BUFFER = 1 << 16;
    private static final Pattern SERVER_PORT = Pattern.compile("(?:^|;)\\s*server_port=(\\d{1,5})(?:-\\d{1,5})?");

    private final String url;
    private final RtspTestClient rtsp;
    private final DatagramChannel[] pair;

    private LivePublisher(String url, RtspTestClient rtsp, DatagramChannel[] pair) {
        this.url = url;
        this.rtsp = rtsp;
        this.pair = pair;
    }

    /**
     * Announces, sets up and records {@code url} ({@code rtsp://host:port/live/NAME}).
     *
     * @throws IOException when a request fails or does not answer 200; everything opened is closed
     */
    static LivePublisher publish(String url) throws IOException {
        RtspTestClient rtsp = RtspTestClient.connect(url);
        DatagramChannel[] pair = null;
        try {
            pair = UdpPortPair.open(RECEIVE_BUFFER);
            LivePublisher publisher = new LivePublisher(url, rtsp, pair);
            publisher.start();
            return publisher;
        } catch (IOException | RuntimeException e) {
            rtsp.close();
            if (pair != null) {
                pair[0].close();
                pair[1].close();
            }
            throw e;
        }
    }

    /** Returns the SDP announced: one application track of an encoding no codec module knows. */
    static String sdp() {
        return "v=0\r\n"
                + "o=- 0 0 IN IP4 127.0.0.1\r\n"
                + "s=Tributary live fan-out benchmark\r\n"
                + "c=IN IP4 127.0.0.1\r\n"
                + "t=0 0\r\n"
                + "m=application 0 RTP/AVP " + PAYLOAD_TYPE + "\r\n"
                + "a=rtpmap:" + PAYLOAD_TYPE + " x-bench/" + CLOCK_RATE + "\r\n"
                + "a=control:streamid=0\r\n";
    }

    /** Returns the RTP channel: blocking, bound to the announced client port, connected to the server's port. */
    DatagramChannel rtpChannel() {
        return pair[0];
    }

    /** Sends TEARDOWN (best effort) and closes the connection and both channels. */
    @Override
    public void close() throws IOException {
        try {
            rtsp.request("TEARDOWN", url);
        } catch (IOException ignored) {
            // the broadcast ends when the connection closes anyway
        } finally {
            pair[0].close();
            pair[1].close();
            rtsp.close();
        }
    }

    /** Returns the RTP port of a SETUP answer's {@code server_port=P-Q}. */
    static int serverRtpPort(String transport) throws IOException {
        Matcher port = SERVER_PORT.matcher(transport == null ? "" : transport);
        if (!port.find() || Integer.parseInt(port.group(1)) == 0 || Integer.parseInt(port.group(1)) > 65535) {
            throw new IOException("SETUP answer has no usable server_port: Transport: " + transport);
        }
        return Integer.parseInt(port.group(1));
    }

    private void start() throws IOException {
        expectOk("ANNOUNCE", rtsp.announce(url, sdp()));
        int clientPort = UdpPortPair.port(pair[0]);
        RtspResponse setup = rtsp.request("SETUP", url + "/streamid=0",
                "Transport: RTP/AVP;unicast;client_port=" + clientPort + "-" + (clientPort + 1) + ";mode=record");
        expectOk("SETUP", setup);
        int serverPort = serverRtpPort(setup.header("Transport"));
        expectOk("RECORD", rtsp.request("RECORD", url));
        pair[0].configureBlocking(true);
        pair[0].connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort));
    }

    private void expectOk(String method, RtspResponse response) throws IOException {
        if (response.status() != 200) {
            throw new IOException(method + " " + url + " answered " + response.status() + response.describe());
        }
    }
}
