package org.tributary.source.live.internal.relay;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tributary.api.LiveSource;
import org.tributary.api.MediaException;
import org.tributary.api.Publication;

/**
 * One pull of an origin's stream into a local broadcast: DESCRIBE, publish the origin's SDP, SETUP
 * every track interleaved on the RTSP connection, PLAY, then forward frames until the origin stops.
 * {@link #run()} blocks on the caller's thread; {@link #close()} ends it from any thread. Whoever
 * waits for the stream learns that it plays through the {@code playing} callback.
 */
final class OriginPull implements Closeable {

    static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    static final int DEFAULT_SESSION_TIMEOUT = 60;
    private static final int RTCP_BYE = 203;
    private static final Pattern INTERLEAVED = Pattern.compile("interleaved=(\\d{1,3})(?:-(\\d{1,3}))?");
    private static final Pattern TIMEOUT = Pattern.compile(";\\s*timeout\\s*=\\s*(\\d{1,5})");
    private static final Pattern SESSION_ID = Pattern.compile("[\\x21-\\x7e&&[^;]]{1,256}");
    private static final Pattern URL = Pattern.compile("(?i)rtsp://\\S{1,1024}");
    private static final OriginConnection.FrameSink DROP = (channel, data, length) -> { };

    private final OriginUrl origin;
    private final String path;
    private final LiveSource source;
    private final int timeoutMillis;
    private final Runnable playing;
    private final OriginConnection connection;
    /** Track index per interleaved channel, negative for none; RTCP channels are stored as -(track + 2). */
    private final int[] channels = new int[256];
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String playUrl;
    private volatile Publication publication;
    private boolean ended;

    OriginPull(OriginUrl origin, String path, LiveSource source) {
        this(origin, path, source, CONNECT_TIMEOUT_MILLIS, () -> { });
    }

    /**
     * @param timeoutMillis how long connecting, and then each answer until PLAY, may take
     * @param playing       called once on the pulling thread when the origin answered PLAY
     */
    OriginPull(OriginUrl origin, String path, LiveSource source, int timeoutMillis, Runnable playing) {
        this.origin = origin;
        this.path = path;
        this.source = source;
        this.timeoutMillis = timeoutMillis;
        this.playing = playing;
        this.connection = new OriginConnection(origin);
        Arrays.fill(channels, -1);
    }

    /**
     * Pulls until the origin closes, fails or ends the broadcast, or {@link #close()} is called.
     *
     * @throws IOException    naming why the pull ended (also when the origin ended it cleanly)
     * @throws MediaException when the local live source refuses the broadcast
     */
    void run() throws IOException, MediaException {
        try {
            connection.connect(origin, timeoutMillis);
            String uri = origin.requestUri();
            OriginResponse described = ok(connection.request("DESCRIBE", uri, DROP, "Accept: application/sdp"),
                    "DESCRIBE", uri);
            String base = base(described, uri);
            publication = source.publish(path, described.body(), "relay from " + origin);
            if (closed.get()) {
                return;
            }
            int timeout = setup(base, publication.controls());
            playUrl = base;
            ok(connection.request("PLAY", base, DROP), "PLAY", base);
            playing.run();
            forward(publication, timeout);
        } finally {
            close();
        }
    }

    /**
     * Runs the pull to its end, whatever ends it, and closes it.
     *
     * @return why it ended, for the log: the failure's message, or {@code "pull stopped"} after {@link #close()}
     */
    String runToEnd() {
        try {
            run();
            return "pull stopped";
        } catch (Exception e) {
            return e.getMessage() == null ? e.toString() : e.getMessage();
        } finally {
            close();
        }
    }

    private int setup(String base, List<String> controls) throws IOException {
        int timeout = DEFAULT_SESSION_TIMEOUT;
        for (int track = 0; track < controls.size(); track++) {
            String url = trackUrl(base, controls.get(track));
            int rtp = 2 * track;
            OriginResponse answer = ok(connection.request("SETUP", url, DROP,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=" + rtp + "-" + (rtp + 1)), "SETUP", url);
            String session = answer.header("session");
            if (session == null) {
                throw new OriginException("origin answered SETUP " + url + " without a Session header");
            }
            if (track == 0) {
                String id = session.split(";", 2)[0].trim();
                if (!SESSION_ID.matcher(id).matches()) {
                    throw new OriginException("origin gave a malformed session id");
                }
                connection.session(id);
                timeout = timeout(session);
            }
            String transport = answer.header("transport");
            Matcher m = INTERLEAVED.matcher(transport == null ? "" : transport);
            int rtpChannel = m.find() ? Integer.parseInt(m.group(1)) : rtp;
            int rtcpChannel = m.group(2) != null ? Integer.parseInt(m.group(2)) : rtpChannel + 1;
            if (rtpChannel > 255 || rtcpChannel > 255) {
                throw new OriginException("origin chose an interleaved channel above 255: " + transport);
            }
            channels[rtpChannel] = track;
            channels[rtcpChannel] = -(track + 2);
        }
        return timeout;
    }

    private void forward(Publication target, int timeoutSeconds) throws IOException {
        // a silent origin for a whole session timeout is gone, whatever its socket says
        connection.readTimeout((int) TimeUnit.SECONDS.toMillis(timeoutSeconds));
        long keepAlive = TimeUnit.SECONDS.toNanos(Math.max(1, timeoutSeconds / 2));
        long next = System.nanoTime() + keepAlive;
        OriginConnection.FrameSink sink = (channel, data, length) -> deliver(target, channel, data, length);
        while (!closed.get() && !ended) {
            if (System.nanoTime() - next >= 0) {
                connection.send("GET_PARAMETER", playUrl);
                next += keepAlive;
            }
            connection.next(sink);
        }
        if (ended) {
            throw new OriginException("origin ended the broadcast (RTCP BYE)");
        }
    }

    private void deliver(Publication target, int channel, byte[] data, int length) {
        int entry = channels[channel];
        if (entry >= 0) {
            target.rtp(entry, ByteBuffer.wrap(data, 0, length));
        } else if (entry <= -2) {
            target.rtcp(-entry - 2, ByteBuffer.wrap(data, 0, length));
            ended |= hasBye(data, length);
        }
    }

    /** @return whether an RTCP compound packet holds a BYE; a broken length ends the walk */
    static boolean hasBye(byte[] data, int length) {
        int offset = 0;
        while (offset + 4 <= length) {
            if ((data[offset + 1] & 0xff) == RTCP_BYE) {
                return true;
            }
            offset += 4 * (((data[offset + 2] & 0xff) << 8 | (data[offset + 3] & 0xff)) + 1);
        }
        return false;
    }

    private static OriginResponse ok(OriginResponse response, String method, String url) throws OriginException {
        if (response.status() < 200 || response.status() > 299) {
            throw new OriginException("origin answered " + method + " " + url + " with " + response.startLine());
        }
        return response;
    }

    private static String base(OriginResponse described, String requested) throws OriginException {
        String base = described.header("content-base");
        if (base == null) {
            base = described.header("content-location");
        }
        if (base == null) {
            return requested;
        }
        if (!URL.matcher(base).matches()) {
            throw new OriginException("origin sent a Content-Base that is not an rtsp:// URL");
        }
        return base;
    }

    /** @return the URL of a track from the base URL and the track's a=control, relative or absolute */
    static String trackUrl(String base, String control) throws OriginException {
        String url;
        if (control.isEmpty() || control.equals("*")) {
            url = base;
        } else if (control.regionMatches(true, 0, "rtsp://", 0, 7)) {
            url = control;
        } else {
            url = base.endsWith("/") ? base + control : base + "/" + control;
        }
        if (!URL.matcher(url).matches()) {
            throw new OriginException("track control gives no usable rtsp:// URL: " + control);
        }
        return url;
    }

    private static int timeout(String session) {
        Matcher m = TIMEOUT.matcher(session);
        int seconds = m.find() ? Integer.parseInt(m.group(1)) : DEFAULT_SESSION_TIMEOUT;
        return seconds < 2 || seconds > 3600 ? DEFAULT_SESSION_TIMEOUT : seconds;
    }

    /** Ends the pull: TEARDOWN when playing, socket closed, broadcast ended. Idempotent, any thread. */
    @Override
    public void close() {
        String url = playUrl;
        if (!closed.getAndSet(true) && url != null) {
            try {
                connection.send("TEARDOWN", url);
            } catch (IOException e) {
                // the origin is gone already; it reclaims the session itself
            }
        }
        connection.close();
        Publication current = publication;
        if (current != null) {
            current.close();
        }
    }
}
