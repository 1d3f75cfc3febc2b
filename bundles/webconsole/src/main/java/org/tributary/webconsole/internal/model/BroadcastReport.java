package org.tributary.webconsole.internal.model;

import java.util.List;
import java.util.function.Supplier;
import org.tributary.api.BroadcastInfo;
import org.tributary.api.LiveSource;
import org.tributary.api.Programme;
import org.tributary.api.Relay;
import org.tributary.api.RelayInfo;
import org.tributary.api.station.StationDirectory;
import org.tributary.api.station.StationInfo;
import org.tributary.webconsole.internal.json.JsonWriter;

/** The broadcasts page: live paths, relays, playlists and MP3 stations. */
public final class BroadcastReport {

    private BroadcastReport() {
    }

    /**
     * @param services what to read
     * @return {@code {"available": bool, "broadcasts": [...]}}: live paths being published now
     */
    public static String broadcasts(Services services) {
        List<LiveSource> sources = services.liveSources();
        return JsonWriter.json(w -> {
            w.object().field("available", !sources.isEmpty()).array("broadcasts");
            for (LiveSource source : sources) {
                for (BroadcastInfo b : source.broadcasts()) {
                    w.object().field("path", b.path()).field("publisher", b.publisher())
                            .field("started", b.started().toString()).field("packetsIn", b.packetsIn())
                            .field("bytesIn", b.bytesIn()).field("dropped", b.dropped())
                            .field("viewers", b.viewers())
                            .field("feed", b.path().endsWith(".sdp") ? "sdp" : "publisher");
                    w.array("encodings");
                    b.encodings().forEach(w::value);
                    w.end().end();
                }
            }
            w.end().end();
        });
    }

    /**
     * @param services what to read
     * @return {@code {"available": bool, "relays": [...]}}
     */
    public static String relays(Services services) {
        List<Relay> relays = services.relays();
        return JsonWriter.json(w -> {
            w.object().field("available", !relays.isEmpty() || !services.liveSources().isEmpty()).array("relays");
            for (Relay relay : relays) {
                RelayInfo r = relay.info();
                w.object().field("path", r.path()).field("origin", r.origin()).field("mode", r.mode())
                        .field("state", r.state()).field("failures", r.failures())
                        .field("lastError", r.lastError()).end();
            }
            w.end().end();
        });
    }

    /**
     * @param services what to read
     * @return {@code {"available": bool, "playlists": [...]}} with what plays now and next
     */
    public static String playlists(Services services) {
        List<Programme> programmes = services.programmes();
        return JsonWriter.json(w -> {
            w.object().field("available", !programmes.isEmpty() || !services.liveSources().isEmpty())
                    .array("playlists");
            for (Programme p : programmes) {
                w.object().field("path", p.path()).field("running", ask(p::running, true))
                        .field("current", p.current()).field("next", p.next())
                        .field("position", p.position()).end();
            }
            w.end().end();
        });
    }

    /**
     * @param services what to read
     * @return {@code {"available": bool, "stations": [...]}}
     */
    public static String stations(Services services) {
        List<StationDirectory> directories = services.stations();
        return JsonWriter.json(w -> {
            w.object().field("available", !directories.isEmpty()).array("stations");
            for (StationDirectory directory : directories) {
                for (StationInfo s : directory.stations()) {
                    w.object().field("mount", s.mount()).field("source", s.sourceAddress())
                            .field("format", s.format()).field("bitRate", s.bitrate())
                            .field("listeners", s.listeners()).field("title", s.title())
                            .field("started", s.started().toString()).end();
                }
            }
            w.end().end();
        });
    }

    private static <T> T ask(Supplier<T> question, T otherwise) {
        try {
            return question.get();
        } catch (UnsupportedOperationException e) {
            return otherwise;
        }
    }
}
