package org.tributary.webconsole.internal.model;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.tributary.api.ReceptionStats;
import org.tributary.api.StreamSession;
import org.tributary.webconsole.internal.json.JsonWriter;

/** The sessions page: every open session with its figures, filtered by path and address. */
public final class SessionReport {

    private SessionReport() {
    }

    /**
     * @param services what to read
     * @param path     keep sessions whose path contains this (case-insensitive); empty or null for all
     * @param address  keep sessions whose client address contains this; empty or null for all
     * @return the sessions as JSON: {@code {"sessions": [...]}}
     */
    public static String json(Services services, String path, String address) {
        List<StreamSession> sessions = services.sessions().stream()
                .filter(s -> contains(s.path(), path) && contains(s.clientAddress(), address)).toList();
        History history = services.history();
        Instant now = Instant.now();
        return JsonWriter.json(w -> {
            w.object().array("sessions");
            for (StreamSession session : sessions) {
                write(w, session, history.bitRate(session, now));
            }
            w.end().end();
        });
    }

    private static void write(JsonWriter w, StreamSession s, long bitRate) {
        ReceptionStats reception = s.reception() == null ? ReceptionStats.NONE : s.reception();
        w.object()
                .field("id", s.id())
                .field("kind", Figures.kind(s))
                .field("protocol", s.protocol())
                .field("clientAddress", s.clientAddress())
                .field("user", s.userName())
                .field("userAgent", s.userAgent())
                .field("path", s.path())
                .field("state", s.state())
                .field("transport", s.transport())
                .field("since", s.created().toString())
                .field("bitRate", bitRate)
                .field("bytesSent", s.bytesSent())
                .field("packetsSent", s.packetsSent())
                .field("bytesReceived", s.bytesReceived())
                .field("packetsReceived", s.packetsReceived())
                .field("lossPercent", reception.reports() == 0 ? Double.NaN : reception.lossPercent())
                .field("jitterMillis", reception.reports() == 0 ? Double.NaN : reception.jitterMillis())
                .field("rttMillis", reception.roundTripMillis())
                .end();
    }

    private static boolean contains(String value, String part) {
        return part == null || part.isEmpty()
                || (value != null && value.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT)));
    }
}
