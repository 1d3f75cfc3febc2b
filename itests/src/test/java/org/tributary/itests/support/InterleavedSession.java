package org.tributary.itests.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A presentation set up over one RTSP connection with RTP interleaved on it (TCP): DESCRIBE,
 * then one SETUP per track asking for channels {@code 2i-(2i+1)}. Knows which channel carries
 * which track, so a test can tell video packets from audio packets.
 */
public final class InterleavedSession {

    private static final Pattern INTERLEAVED = Pattern.compile("interleaved=(\\d{1,3})(?:-(\\d{1,3}))?");

    private final RtspTestClient client;
    private final SessionDescription sdp;
    private final List<Integer> rtpChannels;

    private InterleavedSession(RtspTestClient client, SessionDescription sdp, List<Integer> rtpChannels) {
        this.client = client;
        this.sdp = sdp;
        this.rtpChannels = List.copyOf(rtpChannels);
    }

    /**
     * Describes {@code url} and sets up every track interleaved.
     *
     * @throws IOException when a request fails or a SETUP does not answer 200
     */
    public static InterleavedSession setUp(RtspTestClient client, String url) throws IOException {
        SessionDescription sdp = client.describe(url);
        List<Integer> channels = new ArrayList<>();
        for (int i = 0; i < sdp.tracks().size(); i++) {
            RtspResponse setup = client.request("SETUP", sdp.tracks().get(i).url(),
                    "Transport: RTP/AVP/TCP;unicast;interleaved=" + 2 * i + "-" + (2 * i + 1));
            if (setup.status() != 200) {
                throw new SetupRefusedException("SETUP of track " + i + " answered " + setup.status() + setup.describe(),
                        setup);
            }
            channels.add(interleavedChannel(setup.header("Transport"), 2 * i));
        }
        return new InterleavedSession(client, sdp, channels);
    }

    /** Returns the parsed SDP. */
    public SessionDescription sdp() {
        return sdp;
    }

    /** Returns the client the session runs on. */
    public RtspTestClient client() {
        return client;
    }

    /** Sends PLAY on the aggregate URL with the given extra headers (e.g. a Range). */
    public RtspResponse play(String... headers) throws IOException {
        return client.request("PLAY", sdp.url(), headers);
    }

    /** Sends PAUSE on the aggregate URL. */
    public RtspResponse pause() throws IOException {
        return client.request("PAUSE", sdp.url());
    }

    /** Returns the track whose RTP arrives on {@code channel}, or null for RTCP and unknown channels. */
    public SessionDescription.Track trackOnRtpChannel(int channel) {
        int index = rtpChannels.indexOf(channel);
        return index < 0 ? null : sdp.tracks().get(index);
    }

    /** Returns the RTP channel of the first track of the given media kind ({@code video}, {@code audio}). */
    public int rtpChannel(String media) {
        return rtpChannels.get(sdp.tracks().indexOf(sdp.track(media)));
    }

    /** Returns the RTP channel the server confirmed in its Transport reply, or the one asked for. */
    static int interleavedChannel(String transport, int requested) {
        if (transport == null) {
            return requested;
        }
        Matcher matcher = INTERLEAVED.matcher(transport);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : requested;
    }
}
