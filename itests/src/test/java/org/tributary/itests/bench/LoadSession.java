package org.tributary.itests.bench;

import java.io.Closeable;
import java.io.IOException;
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
 * attachment is a {@link RtpPacketListener} feeding the track's {@link RtpStreamStats}; RTCP keys
 * carry none and are only drained.
 */
final class LoadSession implements Closeable {

    private static final int RECEIVE_BUFFER = 1 << 20;

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
        return setUp(url, selector, RtpPacketListener.none());
    }

    /**
     * Like {@link #setUp(String, Selector)}, and every RTP packet of every track is also handed to
     * {@code listener} (after the track's statistics saw it).
     */
    static LoadSession setUp(String url, Selector selector, RtpPacketListener listener) throws IOException {
        RtspTestClient rtsp = RtspTestClient.connect(url);
        LoadSession session = null;
        try {
            session = new LoadSession(rtsp, rtsp.describe(url));
            for (SessionDescription.Track track : session.sdp.tracks()) {
                session.setUpTrack(track, selector, listener);
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

    private void setUpTrack(SessionDescription.Track track, Selector selector, RtpPacketListener listener)
            throws IOException {
        DatagramChannel[] pair = UdpPortPair.open(RECEIVE_BUFFER);
        channels.add(pair[0]);
        channels.add(pair[1]);
        RtpStreamStats stats = new RtpStreamStats(track.media(), track.clockRate());
        pair[0].register(selector, SelectionKey.OP_READ, RtpPacketListener.counting(stats, listener));
        pair[1].register(selector, SelectionKey.OP_READ, null);
        int port = UdpPortPair.port(pair[0]);
        RtspResponse setup = rtsp.request("SETUP", track.url(),
                "Transport: RTP/AVP;unicast;client_port=" + port + "-" + (port + 1));
        if (setup.status() != 200) {
            throw new IOException("SETUP " + track.url() + " answered " + setup.status() + setup.describe());
        }
        tracks.add(stats);
    }
}
