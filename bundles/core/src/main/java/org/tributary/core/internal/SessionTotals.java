package org.tributary.core.internal;

import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;

import org.tributary.api.ServerStats;
import org.tributary.api.StreamSession;

/** The counters of every session that ended, and the totals with the sessions still open added. */
final class SessionTotals {

    private final LongAdder sessions = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder packetsSent = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder packetsReceived = new LongAdder();

    /** Adds the final counters of a session that ended. */
    void ended(StreamSession session) {
        sessions.increment();
        bytesSent.add(session.bytesSent());
        packetsSent.add(session.packetsSent());
        bytesReceived.add(session.bytesReceived());
        packetsReceived.add(session.packetsReceived());
    }

    /** @return the ended sessions' counters plus those of the open ones, as they are now */
    ServerStats.Totals with(Collection<StreamSession> open) {
        long bs = bytesSent.sum();
        long ps = packetsSent.sum();
        long br = bytesReceived.sum();
        long pr = packetsReceived.sum();
        for (StreamSession s : open) {
            bs += s.bytesSent();
            ps += s.packetsSent();
            br += s.bytesReceived();
            pr += s.packetsReceived();
        }
        return new ServerStats.Totals(sessions.sum() + open.size(), bs, ps, br, pr);
    }
}
