package org.tributary.mp3.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.SessionRegistry;
import org.tributary.api.http.HttpExchange;
import org.tributary.security.RefusalLog;

/**
 * A source's login: Icecast 2 {@code PUT}, the legacy {@code SOURCE} method, or a Shoutcast v1 password line
 * (method {@code ICY}, for the configured mount). The password is the source password, user {@code source};
 * a mount already fed is refused unless takeover is on.
 */
final class SourceLogin {

    /** The methods a source logs in with. */
    static final Set<String> METHODS = Set.of("PUT", "SOURCE", HttpExchange.ICY_LOGIN);

    /** The user name of sources, as in Icecast. */
    static final String USER = "source";

    private static final Logger LOG = LoggerFactory.getLogger(SourceLogin.class);
    private static final Set<String> MP3_TYPES = Set.of("audio/mpeg", "audio/mp3", "audio/mpeg3", "audio/x-mpeg");

    private final Supplier<Mp3Settings> settings;
    private final Stations stations;
    private final Refusals refusals;
    private final RefusalLog refusalLog;
    private final Logins logins;
    private final SourceFeed.Ending ending;
    private final SessionRegistry sessions;
    private final SecureRandom random = new SecureRandom();

    SourceLogin(Supplier<Mp3Settings> settings, Stations stations, Refusals refusals, RefusalLog refusalLog,
                Logins logins, SessionRegistry sessions) {
        this.sessions = sessions;
        this.settings = settings;
        this.stations = stations;
        this.refusals = refusals;
        this.refusalLog = refusalLog;
        this.logins = logins;
        this.ending = stations::ended;
    }

    void login(HttpExchange exchange) {
        Mp3Settings s = settings.get();
        boolean icy = HttpExchange.ICY_LOGIN.equals(exchange.method());
        String mount = icy ? s.icyMount() : exchange.path();
        if (s.sourcePassword().isEmpty()) {
            refusalLog.warn(exchange.remote(), "MP3 source from {} for {} refused: no source password is set "
                    + "(set one with stream:mp3-password, or sourcePassword with config:edit org.tributary.mp3)",
                    RefusalLog.sourceName(exchange.remote()), mount);
            refusals.now(exchange, 401, "No source password is set on this server: set one with "
                    + "stream:mp3-password, or sourcePassword with config:edit org.tributary.mp3");
            return;
        }
        if (!logins.check(exchange, "MP3 source for " + StationMetadata.clean(mount),
                Credentials.parse(exchange.header("Authorization")), c -> c.match(USER, s.sourcePassword()))) {
            return;
        }
        String type = exchange.header("Content-Type");
        if (type != null && !MP3_TYPES.contains(type.split(";")[0].trim().toLowerCase(Locale.ROOT))) {
            refuse(exchange, mount, 415, "Content-type not supported: only MP3 (audio/mpeg) is");
            return;
        }
        if (!Mp3Settings.isMount(mount)) {
            refuse(exchange, mount, 400, "Not a mount path: letters, digits and ._~- in segments below /");
            return;
        }
        SourceFeed feed = new SourceFeed(exchange, mount, ending, System::nanoTime);
        try {
            Station station = stations.attach(feed, mount, StationMetadata.of(exchange), s);
            LOG.info("MP3 source {} feeds {}", feed.address(), mount);
            SourceSession session = new SourceSession("mp3src-" + HexFormat.of().toHexDigits(random.nextLong()),
                    feed, mount, exchange);
            sessions.add(session);
            exchange.onClose(() -> sessions.remove(session));
            feed.start(station);
        } catch (Stations.Refused e) {
            refuse(exchange, mount, e.status(), e.getMessage());
        }
    }

    private void refuse(HttpExchange exchange, String mount, int status, String reason) {
        refusalLog.info(exchange.remote(), "MP3 source from {} for {} refused with {}: {}",
                RefusalLog.sourceName(exchange.remote()), StationMetadata.clean(mount), status, reason);
        refusals.now(exchange, status, reason);
    }
}
