package org.tributary.core.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.osgi.service.component.annotations.Component;
import org.tributary.api.ServerStats;
import org.tributary.api.StreamSession;

/**
 * Counts refusals by status as the protocol servers report them, and totals every session since the
 * bundle started: ended sessions are added up as the registry reports their end, the open ones (which the
 * registry reports as they open) on each call.
 */
// immediate: counting starts with the bundle, not with the first reader
@Component(service = {ServerStats.class, SessionListener.class}, immediate = true)
public class ServerStatsImpl implements ServerStats, SessionListener {

    private final Instant started = Instant.now();
    private final Set<StreamSession> open = ConcurrentHashMap.newKeySet();
    private final SessionTotals ended = new SessionTotals();
    private final Map<Integer, LongAdder> refusals = new ConcurrentHashMap<>();

    @Override
    public Instant started() {
        return started;
    }

    @Override
    public void refused(String protocol, int status) {
        refusals.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    @Override
    public Map<Integer, Long> refusals() {
        Map<Integer, Long> out = new TreeMap<>();
        refusals.forEach((status, count) -> out.put(status, count.sum()));
        return out;
    }

    @Override
    public Totals totals() {
        return ended.with(open);
    }

    @Override
    public void added(StreamSession session) {
        open.add(session);
    }

    @Override
    public void ended(StreamSession session, int stillOpen) {
        // counted before it leaves the open ones: a concurrent totals() may count it twice, never not at all
        ended.ended(session);
        open.remove(session);
    }
}
