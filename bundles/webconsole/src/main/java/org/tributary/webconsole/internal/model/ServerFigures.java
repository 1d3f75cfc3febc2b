package org.tributary.webconsole.internal.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tributary.api.LiveSource;
import org.tributary.api.ProtocolServer;
import org.tributary.api.ReceptionStats;
import org.tributary.api.ServerStats;
import org.tributary.api.StreamSession;

/**
 * The server's figures at one moment, read once and shared by the Prometheus metrics and JMX, so both
 * show the same numbers.
 *
 * @param serving         whether every protocol server is serving
 * @param sessionsByKind  open sessions by kind, then protocol: {@code kind -> protocol -> count}
 * @param sessions        open sessions
 * @param sessionsTotal   sessions created since the start (open ones when the totals are not available)
 * @param bytesSent       media bytes sent since the start
 * @param packetsSent     media packets sent since the start
 * @param bytesReceived   media bytes received since the start
 * @param packetsReceived media packets received since the start
 * @param packetsLost     packets the open sessions' clients report lost
 * @param refusals        refusals by status
 * @param broadcasts      live broadcasts being published
 * @param stationListeners listeners of the MP3 stations
 * @param sessionsByPath  open sessions per path, at most {@code maxPaths} paths, the rest under {@link #OTHER}
 */
public record ServerFigures(boolean serving, Map<String, Map<String, Long>> sessionsByKind, long sessions,
                            long sessionsTotal, long bytesSent, long packetsSent, long bytesReceived,
                            long packetsReceived, long packetsLost, Map<Integer, Long> refusals, long broadcasts,
                            long stationListeners, Map<String, Long> sessionsByPath) {

    /** The path label of the sessions beyond the bounded number of paths. */
    public static final String OTHER = "other";

    /**
     * @param services what to read
     * @param maxPaths how many paths get their own figure (the busiest)
     * @return the figures now
     */
    public static ServerFigures of(Services services, int maxPaths) {
        List<StreamSession> open = services.sessions();
        Map<String, Map<String, Long>> byKind = new TreeMap<>();
        Figures.byKind(List.of()).keySet().forEach(kind -> byKind.put(kind, new TreeMap<>()));
        long lost = 0;
        Map<String, Long> byPath = new HashMap<>();
        for (StreamSession s : open) {
            byKind.computeIfAbsent(Figures.kind(s), k -> new TreeMap<>()).merge(s.protocol(), 1L, Long::sum);
            ReceptionStats reception = s.reception();
            lost += reception == null ? 0 : Math.max(0, reception.cumulativeLost());
            byPath.merge(s.path() == null ? "" : s.path(), 1L, Long::sum);
        }
        ServerStats.Totals totals = services.stats().map(ServerStats::totals).orElseGet(() -> sum(open));
        List<ProtocolServer> servers = services.servers();
        boolean serving = !servers.isEmpty() && servers.stream().allMatch(Figures::serving);
        long broadcasts = services.liveSources().stream().map(LiveSource::broadcasts).mapToLong(List::size).sum();
        long listeners = services.stations().stream().flatMap(d -> d.stations().stream())
                .mapToLong(st -> st.listeners()).sum();
        return new ServerFigures(serving, byKind, open.size(), totals.sessions(), totals.bytesSent(),
                totals.packetsSent(), totals.bytesReceived(), totals.packetsReceived(), lost,
                new TreeMap<>(services.stats().map(ServerStats::refusals).orElse(Map.of())), broadcasts, listeners,
                bounded(byPath, maxPaths));
    }

    /**
     * @param kind a session kind
     * @return open sessions of that kind, all protocols
     */
    public long sessionsOfKind(String kind) {
        return sessionsByKind.getOrDefault(kind, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return all refusals */
    public long refusalsTotal() {
        return refusals.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * @param byPath   sessions per path
     * @param maxPaths how many paths to keep
     * @return the busiest {@code maxPaths} paths (ties by name), the rest added up under {@link #OTHER}
     */
    static Map<String, Long> bounded(Map<String, Long> byPath, int maxPaths) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(byPath.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> out = new LinkedHashMap<>();
        long other = 0;
        for (Map.Entry<String, Long> e : entries) {
            if (out.size() < maxPaths && !e.getKey().equals(OTHER)) {
                out.put(e.getKey(), e.getValue());
            } else {
                other += e.getValue();
            }
        }
        if (other > 0) {
            out.put(OTHER, other);
        }
        return out;
    }

    private static ServerStats.Totals sum(List<StreamSession> open) {
        return new ServerStats.Totals(open.size(), open.stream().mapToLong(StreamSession::bytesSent).sum(),
                open.stream().mapToLong(StreamSession::packetsSent).sum(),
                open.stream().mapToLong(StreamSession::bytesReceived).sum(),
                open.stream().mapToLong(StreamSession::packetsReceived).sum());
    }
}
