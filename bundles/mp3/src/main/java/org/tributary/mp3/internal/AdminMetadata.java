package org.tributary.mp3.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.http.HttpExchange;
import org.tributary.security.RefusalLog;

/**
 * Icecast's title update, {@code /admin/metadata?mount=/radio&mode=updinfo&song=TITLE}, with Basic credentials
 * of user {@code admin} (the admin password) or {@code source} (the source password, as Icecast accepts for
 * a source's own mount); and Shoutcast's, {@code /admin.cgi?pass=PASSWORD&mode=updinfo&song=TITLE}, which
 * Shoutcast v1 sources send for the Shoutcast mount (or the {@code mount} given).
 */
final class AdminMetadata {

    /** The path of the title update. */
    static final String PATH = "/admin/metadata";

    /** The path of Shoutcast's title update. */
    static final String SHOUTCAST_PATH = "/admin.cgi";

    private static final Logger LOG = LoggerFactory.getLogger(AdminMetadata.class);
    private static final int MAX_QUERY = 8192;
    private static final byte[] DONE = ("<?xml version=\"1.0\"?>\n<iceresponse><message>Metadata update successful"
            + "</message><return>1</return></iceresponse>\n").getBytes(StandardCharsets.UTF_8);

    private final Supplier<Mp3Settings> settings;
    private final Stations stations;
    private final Refusals refusals;
    private final Logins logins;

    AdminMetadata(Supplier<Mp3Settings> settings, Stations stations, Refusals refusals, Logins logins) {
        this.settings = settings;
        this.stations = stations;
        this.refusals = refusals;
        this.logins = logins;
    }

    void handle(HttpExchange exchange) {
        boolean shoutcast = SHOUTCAST_PATH.equals(exchange.path());
        Map<String, String> query = parse(exchange.query());
        if (!(shoutcast || PATH.equals(exchange.path())) || !"GET".equals(exchange.method())) {
            refusals.now(exchange, 404, "No such admin function");
            return;
        }
        Credentials credentials = shoutcast && query != null && query.get("pass") != null
                ? new Credentials(SourceLogin.USER, query.get("pass"))
                : Credentials.parse(exchange.header("Authorization"));
        Mp3Settings s = settings.get();
        if (!logins.check(exchange, "MP3 admin request", credentials,
                c -> c.match("admin", s.adminPassword()) | c.match(SourceLogin.USER, s.sourcePassword()))) {
            return;
        }
        if (query == null || !"updinfo".equals(query.get("mode")) || query.get("song") == null) {
            refusals.now(exchange, 400, "Expected mount=/MOUNT&mode=updinfo&song=TITLE");
            return;
        }
        Station station = stations.find(query.getOrDefault("mount", shoutcast ? s.icyMount() : ""));
        if (station == null) {
            refusals.now(exchange, 404, "Source does not exist");
            return;
        }
        station.title(query.get("song"));
        LOG.info("MP3 title of {} set by {}", station.mount(), RefusalLog.sourceName(exchange.remote()));
        exchange.respond(200, Map.of("Content-Type", "text/xml; charset=utf-8"), DONE);
    }

    /** @return the query's parameters, percent-decoded as UTF-8, or null when it is too long or malformed */
    static Map<String, String> parse(String query) {
        if (query.length() > MAX_QUERY) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>();
        try {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return parameters;
    }
}
