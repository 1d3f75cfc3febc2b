package org.tributary.itests.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tributary.itests.support.InterleavedFrame;
import org.tributary.itests.support.InterleavedSession;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.SessionDescription;
import org.tributary.itests.support.SetupRefusedException;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Many light viewers of one movie: each an {@link InterleavedSession} on its own connection, drained by its
 * own thread, that counts how much of the movie it received until the server says RTCP BYE on every
 * track, closes the connection, or falls silent.
 */
final class InterleavedViewers implements AutoCloseable {

    /** How long a viewer waits for the next frame before it calls the server silent. */
    private static final Duration SILENCE = Duration.ofSeconds(10);
    private static final int RTCP_BYE = 203;

    /**
     * How one viewer ended.
     *
     * @param end "bye" (RTCP BYE on every track), "closed" (the server closed the connection) or "silent"
     * @param videoSeconds the span of the video RTP timestamps it received, in seconds
     */
    record Outcome(String end, double videoSeconds) {
    }

    private final List<RtspTestClient> clients = new ArrayList<>();
    private final List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
    private final List<String> refusals = new ArrayList<>();
    private final ExecutorService threads;

    private InterleavedViewers(int count) {
        this.threads = Executors.newFixedThreadPool(count);
    }

    /** Sets up and plays {@code count} viewers of {@code path}, each on its own connection. */
    static InterleavedViewers play(TributaryDistribution server, String path, int count) throws IOException {
        return play(server, path, count, false);
    }

    /**
     * As {@link #play(TributaryDistribution, String, int)}; with {@code refusalsCounted}, a viewer whose SETUP is
     * refused is not an error: its answer's status line is kept ({@link #refusals()}) and the next viewer tries.
     */
    static InterleavedViewers play(TributaryDistribution server, String path, int count, boolean refusalsCounted)
            throws IOException {
        InterleavedViewers viewers = new InterleavedViewers(count);
        try {
            for (int i = 0; i < count; i++) {
                RtspTestClient client = new RtspTestClient("127.0.0.1", server.rtspPort());
                viewers.clients.add(client);
                InterleavedSession session;
                try {
                    session = InterleavedSession.setUp(client, server.url(path));
                } catch (SetupRefusedException refused) {
                    if (!refusalsCounted) {
                        throw refused;
                    }
                    viewers.refusals.add(refused.response().statusLine());
                    continue;
                }
                int status = session.play().status();
                if (status != 200) {
                    throw new IOException("PLAY of " + path + " by viewer " + i + " answered " + status);
                }
                viewers.outcomes.add(CompletableFuture.supplyAsync(() -> drain(session), viewers.threads));
            }
        } catch (IOException | RuntimeException e) {
            viewers.close();
            throw e;
        }
        return viewers;
    }

    /** Returns the status lines of the SETUPs refused, when refusals are counted. */
    List<String> refusals() {
        return List.copyOf(refusals);
    }

    /** Waits up to {@code timeout} for every viewer to end and returns how each did. */
    List<Outcome> awaitEnd(Duration timeout) {
        try {
            CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return outcomes.stream().map(CompletableFuture::join).toList();
        } catch (TimeoutException e) {
            throw new AssertionError("the viewers did not end within " + timeout.toSeconds() + " s", e);
        } catch (Exception e) {
            throw new IllegalStateException("a viewer failed", e);
        }
    }

    @Override
    public void close() {
        for (RtspTestClient client : clients) {
            try {
                client.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        threads.shutdownNow();
    }

    private static Outcome drain(InterleavedSession session) {
        SessionDescription.Track video = session.sdp().track("video");
        int videoChannel = session.rtpChannel("video");
        Set<Integer> saidBye = new HashSet<>();
        long first = -1;
        long last = -1;
        try {
            while (saidBye.size() < session.sdp().tracks().size()) {
                InterleavedFrame frame = session.client().readFrame(SILENCE);
                if (frame == null) {
                    return new Outcome("silent", seconds(first, last, video));
                }
                if (frame.channel() == videoChannel) {
                    last = frame.rtp().timestamp();
                    first = first < 0 ? last : first;
                } else if (session.trackOnRtpChannel(frame.channel()) == null && isBye(frame.payload())) {
                    saidBye.add(frame.channel());
                }
            }
            return new Outcome("bye", seconds(first, last, video));
        } catch (IOException closed) {
            return new Outcome("closed", seconds(first, last, video));
        }
    }

    /** True when the RTCP compound packet holds a BYE. */
    private static boolean isBye(byte[] compound) {
        int at = 0;
        while (at + 4 <= compound.length) {
            if ((compound[at + 1] & 0xff) == RTCP_BYE) {
                return true;
            }
            int words = (compound[at + 2] & 0xff) << 8 | compound[at + 3] & 0xff;
            at += 4 * (words + 1);
        }
        return false;
    }

    private static double seconds(long first, long last, SessionDescription.Track video) {
        return first < 0 ? 0 : ((last - first) & 0xffffffffL) / (double) video.clockRate();
    }
}
