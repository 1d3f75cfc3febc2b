package org.tributary.itests.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tributary.itests.support.RtspTestClient;

/**
 * A {@link LoadGroup} of RTSP viewers of one URL over UDP or TCP, each a {@link LoadSession} playing from the
 * start and {@link LoadSession#watch watched} by the {@link UdpReceiver}, so that a BYE, a closed connection
 * and a gap in any track's sequence numbers are seen.
 */
final class RtspViewers implements LoadGroup {

    /** A viewer that received nothing for this long, without a BYE or a close, went silent: lost. */
    static final long SILENCE_NANOS = 1_500_000_000L;
    private static final int MAX_FAILURES = 20;

    private final String name;
    private final String url;
    private final LoadSession.Transport transport;
    private final int count;
    private final UdpReceiver receiver;
    private final List<LoadSession> sessions = new ArrayList<>();
    private final Map<LoadSession, Long> lostAtMark = new HashMap<>();

    RtspViewers(String name, String url, LoadSession.Transport transport, int count, UdpReceiver receiver) {
        this.name = name;
        this.url = url;
        this.transport = transport;
        this.count = count;
        this.receiver = receiver;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void fill() throws IOException {
        int failures = 0;
        while (sessions.size() < count) {
            try {
                LoadSession session = LoadSession.setUp(url, transport, receiver.selector(), RtpPacketListener.none());
                try {
                    session.sendPlay();
                    session.awaitPlaying();
                    session.watch(receiver.selector());
                } catch (IOException e) {
                    session.close();
                    throw e;
                }
                sessions.add(session);
            } catch (IOException e) {
                if (++failures > MAX_FAILURES) {
                    throw new IOException(name + ": " + sessions.size() + " of " + count + " viewers set up", e);
                }
            }
        }
    }

    @Override
    public void mark() {
        lostAtMark.clear();
        for (LoadSession session : sessions) {
            lostAtMark.put(session, lost(session));
        }
    }

    @Override
    public Tally tally() {
        Tally tally = Tally.NONE;
        long now = System.nanoTime();
        int endedAfterGap = 0;
        long largestGap = 0;
        for (LoadSession session : sessions) {
            long gaps = Math.max(0, lost(session) - lostAtMark.getOrDefault(session, 0L));
            boolean ended = session.byeReceived() || session.closedByServer();
            boolean lost = gaps > 0 || !ended && now - lastArrival(session) > SILENCE_NANOS;
            tally = tally.plus(new Tally(!lost && !ended ? 1 : 0, !lost && ended ? 1 : 0, lost ? 1 : 0, gaps));
            endedAfterGap += gaps > 0 && ended ? 1 : 0;
            largestGap = Math.max(largestGap, gaps);
        }
        if (tally.lost() > 0) {
            System.out.println(name + ": " + tally.lost() + " lost, " + endedAfterGap + " of them ended too; largest gap "
                    + largestGap + " packets");
        }
        return tally;
    }

    @Override
    public boolean allEnded() {
        return sessions.stream().allMatch(session -> session.byeReceived() || session.closedByServer());
    }

    @Override
    public void dropFinished() {
        long now = System.nanoTime();
        sessions.removeIf(session -> {
            boolean finished = session.byeReceived() || session.closedByServer()
                    || lost(session) > lostAtMark.getOrDefault(session, 0L)
                    || now - lastArrival(session) > SILENCE_NANOS;
            if (finished) {
                closeQuietly(session);
            }
            return finished;
        });
    }

    @Override
    public boolean serves() {
        try (RtspTestClient client = RtspTestClient.connect(url)) {
            return client.request("DESCRIBE", url, "Accept: application/sdp").status() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() {
        sessions.forEach(RtspViewers::closeQuietly);
        sessions.clear();
    }

    private static long lost(LoadSession session) {
        return session.tracks().stream().mapToLong(RtpStreamStats::lost).sum();
    }

    private static long lastArrival(LoadSession session) {
        return session.tracks().stream().mapToLong(RtpStreamStats::lastArrivalNanos).min().orElse(0);
    }

    private static void closeQuietly(LoadSession session) {
        try {
            session.close();
        } catch (IOException e) {
            System.out.println("closing a viewer: " + e.getMessage());
        }
    }
}
