package org.tributary.mp3.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.tributary.api.SessionRegistry;
import org.tributary.api.http.HttpExchange;
import org.tributary.api.http.ResponseStream;
import org.tributary.security.RefusalLog;

/**
 * What players ask for: a station's stream ({@code GET}/{@code HEAD} of its mount, with ICY metadata when
 * they send {@code Icy-MetaData: 1}), its {@code .m3u}/{@code .pls} playlist, and CORS preflights.
 */
final class ListenerRequests {

    private static final String EXPOSED = "icy-metaint, icy-name, icy-genre, icy-description, icy-url, icy-br, "
            + "icy-pub, ice-audio-info";

    private final Supplier<Mp3Settings> settings;
    private final Stations stations;
    private final Refusals refusals;
    private final RefusalLog refusalLog;
    private final SessionRegistry sessions;
    private final SecureRandom random = new SecureRandom();

    ListenerRequests(Supplier<Mp3Settings> settings, Stations stations, Refusals refusals, RefusalLog refusalLog,
                     SessionRegistry sessions) {
        this.settings = settings;
        this.stations = stations;
        this.refusals = refusals;
        this.refusalLog = refusalLog;
        this.sessions = sessions;
    }

    void handle(HttpExchange exchange) {
        String path = exchange.path();
        if ("OPTIONS".equals(exchange.method())) {
            Map<String, String> headers = cors();
            headers.put("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
            headers.put("Access-Control-Allow-Headers", "Icy-MetaData, Range");
            exchange.respond(204, headers, new byte[0]);
            return;
        }
        String format = Playlist.format(path);
        String mount = format != null ? Playlist.mount(path) : path;
        Station station = format != null ? stations.find(mount) : stations.findForListener(mount);
        if (station == null) {
            refusals.nowToAnyOrigin(exchange, 404, "No station at this path");
            return;
        }
        if (format != null) {
            Map<String, String> headers = cors();
            headers.put("Content-Type", Playlist.contentType(format));
            String url = Playlist.url(exchange.header("Host"), exchange.local(), station.mount());
            exchange.respond(200, headers, Playlist.body(format, url, station.metadata().name()));
            return;
        }
        Mp3Settings s = settings.get();
        int metaInterval = "1".equals(exchange.header("Icy-MetaData")) ? s.metaInterval() : 0;
        Map<String, String> headers = streamHeaders(station, metaInterval);
        if ("HEAD".equals(exchange.method())) {
            exchange.respond(200, headers, new byte[0]);
            return;
        }
        listen(exchange, mount, station, s, metaInterval, headers);
    }

    private void listen(HttpExchange exchange, String mount, Station station, Mp3Settings s, int metaInterval,
                        Map<String, String> headers) {
        ListenerStream listener = new ListenerStream("mp3-" + HexFormat.of().toHexDigits(random.nextLong()), mount,
                station, exchange, metaInterval);
        try {
            stations.admit(station, listener, s);
        } catch (Stations.Refused e) {
            refusalLog.info(exchange.remote(), "MP3 listener from {} for {} refused: {}",
                    RefusalLog.sourceName(exchange.remote()), station.mount(), e.getMessage());
            refusals.nowToAnyOrigin(exchange, e.status(), e.getMessage());
            return;
        }
        sessions.add(listener);
        exchange.onClose(() -> {
            stations.leave(listener);
            sessions.remove(listener);
        });
        ResponseStream out = exchange.stream(200, headers);
        listener.start(out, station.ring().burstStart(s.burstSeconds() * 1_000_000L));
    }

    private static Map<String, String> streamHeaders(Station station, int metaInterval) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "audio/mpeg");
        headers.putAll(station.metadata().listenerHeaders(station.frameKbps()));
        if (metaInterval > 0) {
            headers.put("icy-metaint", Integer.toString(metaInterval));
        }
        headers.putAll(cors());
        headers.put("Access-Control-Expose-Headers", EXPOSED);
        headers.put("Cache-Control", "no-cache, no-store");
        headers.put("Pragma", "no-cache");
        headers.put("Expires", "Mon, 26 Jul 1997 05:00:00 GMT");
        return headers;
    }

    private static Map<String, String> cors() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Access-Control-Allow-Origin", "*");
        return headers;
    }
}
