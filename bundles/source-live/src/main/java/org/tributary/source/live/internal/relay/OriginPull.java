package org.tributary.source.live.internal.relay;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.tributary.api.LiveSource;
import org.tributary.api.MediaException;
import org.tributary.api.Publication;
import org.tributary.rtp.rtsp.PortPair;
import org.tributary.rtp.rtsp.SessionHeader;
import org.tributary.rtp.rtsp.TransportSpec;

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
            String base = OriginHeaders.contentBase(described, uri);
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
            String url = OriginHeaders.trackUrl(base, controls.get(track));
            PortPair requested = new PortPair(2 * track, 2 * track + 1);
            OriginResponse answer = ok(connection.request("SETUP", url, DROP,
                    "Transport: " + TransportSpec.tcp(requested)), "SETUP", url);
            SessionHeader session = OriginHeaders.session(answer, url);
            if (track == 0) {
                connection.session(session.id());
                timeout = OriginHeaders.timeout(session, DEFAULT_SESSION_TIMEOUT);
            }
            PortPair interleaved = OriginHeaders.interleaved(answer, url, requested);
            channels[interleaved.rtp()] = track;
            channels[interleaved.rtcp()] = -(track + 2);
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
