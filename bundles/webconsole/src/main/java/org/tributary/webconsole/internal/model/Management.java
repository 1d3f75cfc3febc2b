package org.tributary.webconsole.internal.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tributary.api.AccessLog;
import org.tributary.api.LiveSource;
import org.tributary.api.MediaLibrary;
import org.tributary.api.Programme;
import org.tributary.api.ProtocolServer;
import org.tributary.api.Relay;
import org.tributary.api.ServerStats;
import org.tributary.api.SessionRegistry;
import org.tributary.api.station.StationDirectory;
import org.slf4j.LoggerFactory;

/**
 * The management model: every streaming service, bound dynamically and optionally, and the history of
 * the dashboard's graph. The API, the console pages, the metrics and JMX all read the server through it.
 */
@Component(service = {Management.class, Services.class})
public class Management implements Services {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SessionRegistry sessionRegistry;
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<ProtocolServer> servers;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ServerStats stats;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AccessLog accessLog;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile MediaLibrary media;
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<LiveSource> liveSources;
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<Relay> relays;
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<Programme> programmes;
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<StationDirectory> stations;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigurationAdmin configAdmin;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile WarningLog warnings;

    private final Instant activated = Instant.now();
    private final History history = new History();
    private ScheduledExecutorService sampler;

    @Activate
    void activate() {
        sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tributary-management-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::sample, 0, History.INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        sampler.shutdownNow();
    }

    private void sample() {
        try {
            history.sample(this, Instant.now());
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Management.class).warn("Management sample failed: {}", e.toString());
        }
    }

    @Override
    public History history() {
        return history;
    }

    @Override
    public Instant started() {
        return stats().map(ServerStats::started).orElse(activated);
    }

    @Override
    public Optional<SessionRegistry> sessionRegistry() {
        return Optional.ofNullable(sessionRegistry);
    }

    @Override
    public List<ProtocolServer> servers() {
        return orEmpty(servers);
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
        return orEmpty(liveSources);
    }

    @Override
    public List<Relay> relays() {
        return orEmpty(relays);
    }

    @Override
    public List<Programme> programmes() {
        return orEmpty(programmes);
    }

    @Override
    public List<StationDirectory> stations() {
        return orEmpty(stations);
    }

    @Override
    public Optional<ConfigurationAdmin> configAdmin() {
        return Optional.ofNullable(configAdmin);
    }

    @Override
    public Optional<WarningLog> warnings() {
        return Optional.ofNullable(warnings);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
