package org.tributary.itests.bench;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import org.tributary.itests.support.RtspResponse;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.SessionDescription;

/**
 * One simulated viewer: an RTSP connection and, per track, a pair of non-blocking UDP channels
 * (RTP on an even port, RTCP on the next) registered with the shared selector. The RTP key's
 * attachment is the track's {@link RtpStreamStats}; RTCP keys carry none and are only drained.
 */
final class LoadSession implements Closeable {

    private static final int RECEIVE_BUFFER = 1 << 20;
    private static final int PORT_PAIR_ATTEMPTS = 200;

    private final RtspTestClient rtsp;
    private final SessionDescription sdp;
    private final List<DatagramChannel> channels = new ArrayList<>();
    private final List<RtpStreamStats> tracks = new ArrayList<>();

    private LoadSession(RtspTestClient rtsp, SessionDescription sdp) {
        this.rtsp = rtsp;
        this.sdp = sdp;
    }

    /**
     * Connects, describes {@code url} and sets up every track over UDP. The selector must not be
     * in a select call (register blocks while one runs).
     *
     * @throws IOException when a request fails or SETUP does not answer 200; the session is closed
     */
    static LoadSession setUp(String url, Selector selector) throws IOException {
        RtspTestClient rtsp = RtspTestClient.connect(url);
        LoadSession session = null;
        try {
            session = new LoadSession(rtsp, rtsp.describe(url));
            for (SessionDescription.Track track : session.sdp.tracks()) {
                session.setUpTrack(track, selector);
            }
            return session;
        } catch (IOException | RuntimeException e) {
            if (session != null) {
                session.close();
            } else {
                rtsp.close();
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

    /** Returns the statistics of each track, in SDP order. */
    List<RtpStreamStats> tracks() {
        return tracks;
    }

    /** Returns the presentation's duration from the SDP, or NaN when it has none. */
    double durationSeconds() {
        return sdp.durationSeconds();
    }

    /** Sends TEARDOWN (best effort) and closes the connection and every channel. */
    @Override
    public void close() throws IOException {
        try {
            rtsp.request("TEARDOWN", sdp.url());
        } catch (IOException ignored) {
            // the server may already have ended the session; closing is what matters
        } finally {
            for (DatagramChannel channel : channels) {
                channel.close();
            }
            rtsp.close();
        }
    }

    private void setUpTrack(SessionDescription.Track track, Selector selector) throws IOException {
        DatagramChannel[] pair = openPortPair();
        RtpStreamStats stats = new RtpStreamStats(track.media(), track.clockRate());
        pair[0].register(selector, SelectionKey.OP_READ, stats);
        pair[1].register(selector, SelectionKey.OP_READ, null);
        int port = ((InetSocketAddress) pair[0].getLocalAddress()).getPort();
        RtspResponse setup = rtsp.request("SETUP", track.url(),
                "Transport: RTP/AVP;unicast;client_port=" + port + "-" + (port + 1));
        if (setup.status() != 200) {
            throw new IOException("SETUP " + track.url() + " answered " + setup.status() + setup.describe());
        }
        tracks.add(stats);
    }

    /** Opens RTP on an even port and RTCP on the port after it, as RFC 3550 §11 asks. */
    private DatagramChannel[] openPortPair() throws IOException {
        for (int attempt = 0; attempt < PORT_PAIR_ATTEMPTS; attempt++) {
            DatagramChannel rtp = open(0);
            int port = ((InetSocketAddress) rtp.getLocalAddress()).getPort();
            if (port % 2 == 0 && port < 65535) {
                try {
                    DatagramChannel rtcp = open(port + 1);
                    channels.add(rtp);
                    channels.add(rtcp);
                    return new DatagramChannel[] {rtp, rtcp};
                } catch (IOException taken) {
                    // the odd port is in use: try another pair
                }
            }
            rtp.close();
        }
        throw new IOException("no free even/odd UDP port pair after " + PORT_PAIR_ATTEMPTS + " attempts");
    }

    private static DatagramChannel open(int port) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
            channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            channel.configureBlocking(false);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return channel;
    }
}
