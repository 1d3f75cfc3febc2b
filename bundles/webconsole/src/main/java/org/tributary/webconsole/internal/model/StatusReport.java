package org.tributary.webconsole.internal.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tributary.api.Endpoint;
import org.tributary.api.ProtocolServer;
import org.tributary.api.ServerStats;
import org.tributary.api.StreamSession;
import org.tributary.webconsole.internal.json.JsonWriter;

/** The dashboard's snapshot: serving, uptime, listeners, sessions by kind, bit rates, totals, refusals. */
public final class StatusReport {

    private StatusReport() {
    }

    /**
     * @param services what to read
     * @param now      the time now, for the uptime
     * @return the status as JSON
     */
    public static String json(Services services, Instant now) {
        List<ProtocolServer> servers = services.servers();
        List<StreamSession> sessions = services.sessions();
        History.Sample latest = services.history().latest();
        return JsonWriter.json(w -> {
            w.object();
            w.field("serving", !servers.isEmpty() && servers.stream().allMatch(Figures::serving));
            w.field("started", services.started().toString());
            w.field("uptimeSeconds", Math.max(0, Duration.between(services.started(), now).toSeconds()));
            writeServers(w, servers);
            w.object("sessions");
            w.field("total", sessions.size());
            for (Map.Entry<String, Long> kind : Figures.byKind(sessions).entrySet()) {
                w.field(kind.getKey(), kind.getValue());
            }
            w.end();
            w.field("bitRateOut", latest.bitRateOut());
            w.field("bitRateIn", latest.bitRateIn());
            writeTotals(w, services);
            w.object("refusals");
            Map<Integer, Long> refusals = services.stats().map(ServerStats::refusals).orElse(Map.of());
            new TreeMap<>(refusals).forEach((status, count) -> w.field(String.valueOf(status), count));
            w.end();
            w.array("configErrors");
            for (ProtocolServer server : servers) {
                String error = Figures.configError(server);
                if (!error.isEmpty()) {
                    w.value(server.protocol() + ": " + error);
                }
            }
            w.end();
            w.end();
        });
    }

    private static void writeServers(JsonWriter w, List<ProtocolServer> servers) {
        w.array("servers");
        for (ProtocolServer server : servers) {
            w.object().field("protocol", server.protocol()).field("serving", Figures.serving(server));
            w.array("endpoints");
            for (Endpoint endpoint : server.endpoints()) {
                w.object().field("address", endpoint.address()).field("port", endpoint.port())
                        .field("bound", endpoint.bound()).field("error", endpoint.error()).end();
            }
            w.end().end();
        }
        w.end();
    }

    private static void writeTotals(JsonWriter w, Services services) {
        w.object("totals");
        services.stats().map(ServerStats::totals).ifPresentOrElse(t -> w.field("available", true)
                .field("sessions", t.sessions()).field("bytesSent", t.bytesSent())
                .field("packetsSent", t.packetsSent()).field("bytesReceived", t.bytesReceived())
                .field("packetsReceived", t.packetsReceived()),
                () -> w.field("available", false));
        w.end();
    }
}
