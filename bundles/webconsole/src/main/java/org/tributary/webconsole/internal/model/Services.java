package org.tributary.webconsole.internal.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.service.cm.ConfigurationAdmin;
import org.tributary.api.AccessLog;
import org.tributary.api.LiveSource;
import org.tributary.api.MediaLibrary;
import org.tributary.api.Programme;
import org.tributary.api.ProtocolServer;
import org.tributary.api.Relay;
import org.tributary.api.ServerStats;
import org.tributary.api.SessionRegistry;
import org.tributary.api.StreamSession;
import org.tributary.api.station.StationDirectory;

/**
 * The services management reads, each optional: any capability may be uninstalled, and then its part
 * of the console says "not available" instead of failing.
 */
public interface Services {

    /** @return the session registry, when the core bundle runs */
    Optional<SessionRegistry> sessionRegistry();

    /** @return the protocol servers */
    List<ProtocolServer> servers();

    /** @return the server-wide counters */
    Optional<ServerStats> stats();

    /** @return the access log */
    Optional<AccessLog> accessLog();

    /** @return the media folder */
    Optional<MediaLibrary> media();

    /** @return the live sources (broadcasts) */
    List<LiveSource> liveSources();

    /** @return the relays */
    List<Relay> relays();

    /** @return the playlists played as live programmes */
    List<Programme> programmes();

    /** @return the MP3 station directories */
    List<StationDirectory> stations();

    /** @return the recent warnings of the server's loggers */
    Optional<WarningLog> warnings();

    /** @return Config Admin, for creating playlists */
    Optional<ConfigurationAdmin> configAdmin();

    /** @return when the counters started (the core's start) */
    Instant started();

    /** @return the dashboard's samples and the bit rates now */
    History history();

    /** @return the open sessions, oldest first; empty without a registry */
    default List<StreamSession> sessions() {
        return sessionRegistry().map(SessionRegistry::sessions).orElse(List.of());
    }
}
