package org.tributary.webconsole.internal.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.cm.ConfigurationAdmin;
import org.tributary.api.AccessLog;
import org.tributary.api.Endpoint;
import org.tributary.api.LiveSource;
import org.tributary.api.MediaLibrary;
import org.tributary.api.Programme;
import org.tributary.api.ProtocolServer;
import org.tributary.api.ReceptionStats;
import org.tributary.api.Relay;
import org.tributary.api.ServerStats;
import org.tributary.api.SessionRegistry;
import org.tributary.api.StreamSession;
import org.tributary.api.station.StationDirectory;

/** Hand-written services for the tests: a session registry, servers and whatever a test adds. */
public final class FakeServices implements Services {

    public final List<StreamSession> sessions = new CopyOnWriteArrayList<>();
    public final List<ProtocolServer> servers = new ArrayList<>();
    public final List<Programme> programmes = new ArrayList<>();
    public final List<LiveSource> liveSources = new ArrayList<>();
    public MediaLibrary media;
    public ServerStats stats;
    public AccessLog accessLog;
    public WarningLog warnings;
    public ConfigurationAdmin configAdmin;
    public final History history = new History();

    @Override
    public Optional<SessionRegistry> sessionRegistry() {
        return Optional.of(new SessionRegistry() {
            @Override
            public void add(StreamSession session) {
                sessions.add(session);
            }

            @Override
            public void remove(StreamSession session) {
                sessions.remove(session);
            }

            @Override
            public List<StreamSession> sessions() {
                return List.copyOf(sessions);
            }

            @Override
            public Optional<StreamSession> find(String id) {
                return sessions.stream().filter(s -> s.id().equals(id)).findFirst();
            }
        });
    }

    @Override
    public List<ProtocolServer> servers() {
        return servers;
    }

    @Override
    public Optional<ServerStats> stats() {
        return Optional.ofNullable(stats);
    }

    @Override
    public Optional<AccessLog> accessLog() {
        return Optional.ofNullable(accessLog);
    }

    @Override
    public Optional<MediaLibrary> media() {
        return Optional.ofNullable(media);
    }

    @Override
    public List<LiveSource> liveSources() {
        return liveSources;
    }

    @Override
    public List<Relay> relays() {
        return List.of();
    }

    @Override
    public List<Programme> programmes() {
        return programmes;
    }

    @Override
    public List<StationDirectory> stations() {
        return List.of();
    }

    @Override
    public Optional<WarningLog> warnings() {
        return Optional.ofNullable(warnings);
    }

    @Override
    public Optional<ConfigurationAdmin> configAdmin() {
        return Optional.ofNullable(configAdmin);
    }

    @Override
    public Instant started() {
        return Instant.parse("2026-01-01T00:00:00Z");
    }

    @Override
    public History history() {
        return history;
    }

    /** @return a session added to the registry; {@code closed} is set by a kick */
    public FakeSession session(String id, String path, String address, String kind) {
        FakeSession s = new FakeSession(id, path, address, kind);
        sessions.add(s);
        return s;
    }

    /** @return an RTSP server with one bound endpoint, added */
    public ProtocolServer rtsp(int port) {
        ProtocolServer server = new ProtocolServer() {
            boolean serving = true;

            @Override
            public String protocol() {
                return "RTSP";
            }

            @Override
            public List<Endpoint> endpoints() {
                return List.of(new Endpoint("0.0.0.0", port, serving, ""));
            }

            @Override
            public boolean serving() {
                return serving;
            }

            @Override
            public void serve(boolean on) {
                serving = on;
            }
        };
        servers.add(server);
        return server;
    }

    /** A session with settable figures. */
    public final class FakeSession implements StreamSession {
        private final String id;
        private final String path;
        private final String address;
        private final String kind;
        public volatile long bytesSent;
        public volatile String userAgent = "";
        public volatile boolean closed;

        FakeSession(String id, String path, String address, String kind) {
            this.id = id;
            this.path = path;
            this.address = address;
            this.kind = kind;
        }

        @Override public String id() { return id; }
        @Override public String protocol() { return "RTSP"; }
        @Override public String clientAddress() { return address; }
        @Override public String path() { return path; }
        @Override public String state() { return "PLAYING"; }
        @Override public String transport() { return "RTP/AVP/UDP"; }
        @Override public Instant created() { return Instant.parse("2026-01-01T00:00:01Z"); }
        @Override public long bytesSent() { return bytesSent; }
        @Override public long packetsSent() { return bytesSent / 1000; }
        @Override public ReceptionStats reception() { return ReceptionStats.NONE; }
        @Override public String kind() { return kind; }
        @Override public String userAgent() { return userAgent; }

        @Override
        public void close() {
            closed = true;
            sessions.remove(this);
        }
    }

    /** @return empty parameters */
    public static Map<String, String> none() {
        return Map.of();
    }
}
