package org.tributary.itests.bench;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.tributary.itests.support.RtpHeader;
import org.tributary.itests.support.RtspResponse;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.SessionDescription;

/**
 * One simulated viewer: an RTSP connection and, per track, either a pair of non-blocking UDP channels
 * (RTP on an even port, RTCP on the next) registered with the shared selector, or interleaved channels
 * {@code 2i-(2i+1)} on the RTSP connection (TCP). The RTP key's attachment is a {@link RtpPacketListener}
 * feeding the track's {@link RtpStreamStats}; RTCP is drained and watched for a BYE. Once
 * {@link #watch(Selector)} handed the RTSP connection to the selector too, the session also notices when
 * the server closes it, and over TCP reads its media there.
 */
final class LoadSession implements Closeable {

    /** How the media travels. */
    enum Transport { UDP, TCP }

    private static final int RECEIVE_BUFFER = 1 << 20;

    private final SocketChannel connection;
    private final RtspTestClient rtsp;
    private final SessionDescription sdp;
    private final Transport transport;
    private final List<DatagramChannel> channels = new ArrayList<>();
    private final List<RtpStreamStats> tracks = new ArrayList<>();
    /** Per track, what each of its RTP packets is handed to (its statistics, then the caller's listener). */
    private final List<RtpPacketListener> receivers = new ArrayList<>();
    private final InterleavedFrames frames = new InterleavedFrames();
    private volatile boolean byeReceived;
    private volatile boolean closedByServer;
    private volatile SelectionKey connectionKey;

    private LoadSession(SocketChannel connection, RtspTestClient rtsp, SessionDescription sdp, Transport transport) {
        this.connection = connection;
        this.rtsp = rtsp;
        this.sdp = sdp;
        this.transport = transport;
    }

    /**
     * Connects, describes {@code url} and sets up every track over UDP. The selector must not be
     * in a select call (register blocks while one runs).
     *
     * @throws IOException when a request fails or SETUP does not answer 200; the session is closed
     */
    static LoadSession setUp(String url, Selector selector) throws IOException {
        return setUp(url, selector, RtpPacketListener.none());
    }

    /**
     * Like {@link #setUp(String, Selector)}, and every RTP packet of every track is also handed to
     * {@code listener} (after the track's statistics saw it).
     */
    static LoadSession setUp(String url, Selector selector, RtpPacketListener listener) throws IOException {
        return setUp(url, Transport.UDP, selector, listener);
    }

    /** Like {@link #setUp(String, Selector, RtpPacketListener)} over {@code transport}. */
    static LoadSession setUp(String url, Transport transport, Selector selector, RtpPacketListener listener)
            throws IOException {
        URI uri = URI.create(url);
        SocketChannel connection = SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort()));
        LoadSession session = null;
        try {
            RtspTestClient rtsp = RtspTestClient.over(connection.socket());
            session = new LoadSession(connection, rtsp, rtsp.describe(url), transport);
            for (SessionDescription.Track track : session.sdp.tracks()) {
                session.setUpTrack(track, selector, listener);
            }
            return session;
        } catch (IOException | RuntimeException e) {
            if (session != null) {
                session.close();
            } else {
                connection.close();
            }
            throw e;
        }
    }

    /** Writes PLAY from the start without waiting for the answer (see {@link #awaitPlaying()}). */
    void sendPlay() throws IOException {
        rtsp.send("PLAY", sdp.url(), "Range: npt=0-");
    }

    /** Reads the PLAY response; fails unless it is 200. */
    void awaitPlaying() throws IOException {
        RtspResponse play = rtsp.readResponse();
        if (play.status() != 200) {
            throw new IOException("PLAY answered " + play.status() + play.describe());
        }
    }

    /**
     * Hands the RTSP connection to {@code selector} once PLAY was answered: from then on the receiver
     * thread reads it (interleaved media over TCP) and notes when the server closes it. No request can
     * be sent afterwards but the TEARDOWN of {@link #close()}.
     */
    void watch(Selector selector) throws IOException {
        ByteBuffer early = ByteBuffer.wrap(rtsp.takeBuffered());
        connection.configureBlocking(false);
        frames.feed(early, this::onFrame);
        connectionKey = connection.register(selector, SelectionKey.OP_READ, (ConnectionReader) this::read);
    }

    /** Returns the statistics of each track, in SDP order. */
    List<RtpStreamStats> tracks() {
        return tracks;
    }

    /** Returns the presentation's duration from the SDP, or NaN when it has none. */
    double durationSeconds() {
        return sdp.durationSeconds();
    }

    /** Returns whether an RTCP BYE arrived on any track. */
    boolean byeReceived() {
        return byeReceived;
    }

    /** Returns whether the server closed the RTSP connection (noticed once {@link #watch watched}). */
    boolean closedByServer() {
        return closedByServer;
    }

    /** Sends TEARDOWN (best effort) and closes the connection and every channel. */
    @Override
    public void close() throws IOException {
        try {
            if (connectionKey == null) {
                rtsp.request("TEARDOWN", sdp.url());
            } else {
                connectionKey.cancel();
                // non-blocking now: a request this small fits the socket's send buffer in one write
                connection.write(ByteBuffer.wrap(("TEARDOWN " + sdp.url() + " RTSP/1.0\r\nCSeq: 999\r\nSession: "
                        + rtsp.session() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
            }
        } catch (IOException ignored) {
            // the server may already have ended the session; closing is what matters
        } finally {
            for (DatagramChannel channel : channels) {
                channel.close();
            }
            connection.close();
        }
    }

    private void read(SelectionKey key, ByteBuffer scratch) {
        try {
            for (int n = connection.read(scratch.clear()); n != 0; n = connection.read(scratch.clear())) {
                if (n < 0) {
                    closedByServer = true;
                    key.cancel();
                    return;
                }
                frames.feed(scratch.flip(), this::onFrame);
            }
        } catch (IOException reset) {
            closedByServer = true;
            key.cancel();
        }
    }

    private void onFrame(int channel, ByteBuffer payload) {
        int track = channel / 2;
        if (transport != Transport.TCP || track >= tracks.size()) {
            return;
        }
        if (channel % 2 == 1) {
            byeReceived |= RtcpPackets.hasBye(payload);
            return;
        }
        try {
            receivers.get(track).onPacket(RtpHeader.parse(payload), payload, System.nanoTime());
        } catch (IllegalArgumentException notRtp) {
            // counted nowhere: the gap it leaves in the sequence numbers shows
        }
    }

    private void setUpTrack(SessionDescription.Track track, Selector selector, RtpPacketListener listener)
            throws IOException {
        RtpStreamStats stats = new RtpStreamStats(track.media(), track.clockRate());
        RtpPacketListener receiver = RtpPacketListener.counting(stats, listener);
        String transportHeader;
        if (transport == Transport.TCP) {
            int channel = 2 * tracks.size();
            transportHeader = "RTP/AVP/TCP;unicast;interleaved=" + channel + "-" + (channel + 1);
        } else {
            DatagramChannel[] pair = UdpPortPair.open(RECEIVE_BUFFER);
            channels.add(pair[0]);
            channels.add(pair[1]);
            pair[0].register(selector, SelectionKey.OP_READ, receiver);
            pair[1].register(selector, SelectionKey.OP_READ,
                    (RtcpListener) packet -> byeReceived |= RtcpPackets.hasBye(packet));
            int port = UdpPortPair.port(pair[0]);
            transportHeader = "RTP/AVP;unicast;client_port=" + port + "-" + (port + 1);
        }
        RtspResponse setup = rtsp.request("SETUP", track.url(), "Transport: " + transportHeader);
        if (setup.status() != 200) {
            throw new IOException("SETUP " + track.url() + " answered " + setup.status() + setup.describe());
        }
        tracks.add(stats);
        receivers.add(receiver);
    }
}
