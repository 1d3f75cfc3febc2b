package org.tributary.webconsole.internal.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tributary.api.ServerStats;
import org.tributary.api.StreamSession;

/**
 * The dashboard's history: every {@link #INTERVAL} a sample of the bit rates out and in and the number
 * of sessions, the last {@link #SPAN} of them kept; and each open session's bit rate over the last
 * interval.
 */
public final class History {

    /** How often a sample is taken. */
    public static final Duration INTERVAL = Duration.ofSeconds(5);
    /** How far back the samples reach. */
    public static final Duration SPAN = Duration.ofMinutes(10);
    private static final int CAPACITY = (int) (SPAN.toMillis() / INTERVAL.toMillis());

    /**
     * One sample.
     *
     * @param time       when it was taken
     * @param bitRateOut bits per second sent to clients since the previous sample
     * @param bitRateIn  bits per second received from publishers since the previous sample
     * @param sessions   open sessions
     */
    public record Sample(Instant time, long bitRateOut, long bitRateIn, int sessions) {
    }

    private record Bytes(Instant time, long out, long in) {
    }

    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private Bytes last;
    private Map<String, Bytes> lastBySession = Map.of();
    private volatile Map<String, Long> sessionRates = Map.of();

    /**
     * Takes a sample.
     *
     * @param services what to read
     * @param now      the time of the sample
     */
    public synchronized void sample(Services services, Instant now) {
        List<StreamSession> sessions = services.sessions();
        Bytes total = totals(services, sessions, now);
        if (last != null && now.isAfter(last.time())) {
            samples.addLast(new Sample(now, rate(last.out(), total.out(), last.time(), now),
                    rate(last.in(), total.in(), last.time(), now), sessions.size()));
            while (samples.size() > CAPACITY) {
                samples.removeFirst();
            }
        }
        last = total;
        Map<String, Bytes> bySession = new HashMap<>();
        Map<String, Long> rates = new HashMap<>();
        for (StreamSession session : sessions) {
            Bytes now1 = new Bytes(now, session.bytesSent(), session.bytesReceived());
            bySession.put(session.id(), now1);
            Bytes before = lastBySession.get(session.id());
            if (before != null && now.isAfter(before.time())) {
                rates.put(session.id(), rate(before.out() + before.in(), now1.out() + now1.in(), before.time(), now));
            }
        }
        lastBySession = bySession;
        sessionRates = Map.copyOf(rates);
    }

    /** @return the samples, oldest first */
    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** @return the newest sample, or one of zeros before two samples were taken */
    public synchronized Sample latest() {
        return samples.isEmpty() ? new Sample(Instant.EPOCH, 0, 0, 0) : samples.getLast();
    }

    /**
     * @param session a session
     * @param now     the time of the report
     * @return its bit rate (sent plus received) over the last interval; until a sample covers it, its
     *         average since it was created
     */
    public long bitRate(StreamSession session, Instant now) {
        Long sampled = sessionRates.get(session.id());
        if (sampled != null) {
            return sampled;
        }
        long millis = Duration.between(session.created(), now).toMillis();
        return millis <= 0 ? 0 : (session.bytesSent() + session.bytesReceived()) * 8_000 / millis;
    }

    private static Bytes totals(Services services, List<StreamSession> sessions, Instant now) {
        return services.stats().map(ServerStats::totals)
                .map(t -> new Bytes(now, t.bytesSent(), t.bytesReceived()))
                .orElseGet(() -> new Bytes(now, sessions.stream().mapToLong(StreamSession::bytesSent).sum(),
                        sessions.stream().mapToLong(StreamSession::bytesReceived).sum()));
    }

    private static long rate(long before, long after, Instant from, Instant to) {
        long millis = Duration.between(from, to).toMillis();
        // a sum over open sessions drops when one ends: a rate is never negative
        return millis <= 0 ? 0 : Math.max(0, (after - before) * 8_000 / millis);
    }
}
