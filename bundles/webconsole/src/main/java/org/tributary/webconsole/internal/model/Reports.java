package org.tributary.webconsole.internal.model;

import java.time.Instant;
import java.util.Map;
import org.tributary.webconsole.internal.json.JsonWriter;

/** The read side of the API: one JSON report per resource. */
public final class Reports {

    private final Services services;

    /** @param services what to read */
    public Reports(Services services) {
        this.services = services;
    }

    /**
     * @param resource status, sessions, broadcasts, stations, media, playlists, relays, log or history
     * @param params   filters: {@code path} and {@code address} for sessions, {@code filter} for the log
     * @param now      the time now
     * @return the report as JSON
     * @throws IllegalArgumentException for an unknown resource
     */
    public String read(String resource, Map<String, String> params, Instant now) {
        switch (resource) {
            case "status":
                return StatusReport.json(services, now);
            case "sessions":
                return SessionReport.json(services, params.get("path"), params.get("address"));
            case "history":
                return history();
            case "broadcasts":
                return BroadcastReport.broadcasts(services);
            case "relays":
                return BroadcastReport.relays(services);
            case "playlists":
                return playlists();
            case "stations":
                return BroadcastReport.stations(services);
            case "media":
                return MediaReport.json(services, params.getOrDefault("host", ""));
            case "log":
                return LogReport.json(services, params.getOrDefault("filter", ""));
            default:
                throw new IllegalArgumentException("no report " + resource);
        }
    }

    /** @return the playlists played as live programmes */
    public String playlists() {
        return BroadcastReport.playlists(services);
    }

    private String history() {
        return JsonWriter.json(w -> {
            w.object().field("intervalSeconds", History.INTERVAL.toSeconds()).array("samples");
            for (History.Sample s : services.history().samples()) {
                w.object().field("time", s.time().toString()).field("bitRateOut", s.bitRateOut())
                        .field("bitRateIn", s.bitRateIn()).field("sessions", s.sessions()).end();
            }
            w.end().end();
        });
    }
}
