package org.tributary.mp3.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.AccessService;
import org.tributary.api.ServerStats;
import org.tributary.api.SessionRegistry;
import org.tributary.api.http.HttpExchange;
import org.tributary.api.http.HttpHandler;
import org.tributary.api.station.StationDirectory;
import org.tributary.api.station.StationInfo;
import org.tributary.security.HeapGuard;
import org.tributary.security.RefusalLog;

/**
 * The MP3 broadcast on the streaming ports: Icecast/Shoutcast sources create stations at their mount, players
 * listen to them, admin tools set their titles. A configuration change applies to new requests without
 * dropping stations; stopping the component takes every station off the air and ends its listeners.
 */
@Component(service = {HttpHandler.class, StationDirectory.class, OnAir.class}, immediate = true,
        configurationPid = Mp3Broadcast.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = HttpHandler.PREFIX + "=/")
@Designate(ocd = Mp3Config.class)
public final class Mp3Broadcast implements HttpHandler, StationDirectory, OnAir {

    /** The configuration PID. */
    public static final String PID = "org.tributary.mp3";

    private static final Logger LOG = LoggerFactory.getLogger(Mp3Broadcast.class);

    private final Stations stations = new Stations();
    private final ScheduledExecutorService timer;
    private final SourceLogin sources;
    private final ListenerRequests listeners;
    private final AdminMetadata admin;
    private final Refusals refusals;
    private volatile Mp3Settings settings;
    /** Set by the component's constructor only; the package's tests run without one. */
    private HeapGuard heap;

    @Activate
    public Mp3Broadcast(@Reference SessionRegistry sessions, @Reference AccessService access, Mp3Config config) {
        this(sessions, access, Mp3Settings.from(config));
        heap = HeapGuard.start(config.heapLimitPercent());
        stations.heap(heap);
    }

    Mp3Broadcast(SessionRegistry sessions, AccessService access, Mp3Settings initial) {
        this.settings = initial;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tributary-mp3-timer");
            thread.setDaemon(true);
            return thread;
        });
        RefusalLog refusalLog = new RefusalLog(LoggerFactory.getLogger(SourceLogin.class));
        this.refusals = new Refusals(timer, () -> settings.refusalDelayMillis());
        Logins logins = new Logins(access, refusals, refusalLog);
        this.sources = new SourceLogin(() -> settings, stations, refusals, refusalLog, logins, sessions);
        this.listeners = new ListenerRequests(() -> settings, stations, refusals, refusalLog, sessions);
        this.admin = new AdminMetadata(() -> settings, stations, refusals, logins);
        timer.scheduleWithFixedDelay(this::stopIdleSources, 1, 1, TimeUnit.SECONDS);
        LOG.info("MP3 broadcast ready{}", initial.sourcePassword().isEmpty()
                ? "; no source password is set, so sources are refused (stream:mp3-password sets one)" : "");
    }

    @Modified
    void modified(Mp3Config config) {
        settings = Mp3Settings.from(config);
        if (heap != null) {
            heap.limitPercent(config.heapLimitPercent());
        }
        LOG.info("MP3 broadcast settings changed");
    }

    @Deactivate
    void deactivate() {
        for (StationSource feed : stations.feeds()) {
            feed.stop("the MP3 broadcast stopped");
        }
        timer.shutdownNow();
        if (heap != null) {
            heap.close();
        }
    }

    /** Where refusals are counted, when the core bundle offers it; bound after the constructor. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetStats")
    void setStats(ServerStats stats) {
        refusals.stats(stats);
    }

    void unsetStats(ServerStats stats) {
        refusals.unsetStats(stats);
    }

    /** Puts a playlist station on air (its configuration appeared, or the broadcast started). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPlaylist(PlaylistStation playlist) {
        playlist.start(stations, settings);
    }

    void removePlaylist(PlaylistStation playlist) {
        playlist.stop();
    }

    @Override
    public void handle(HttpExchange exchange) {
        String method = exchange.method();
        if (SourceLogin.METHODS.contains(method)) {
            sources.login(exchange);
        } else if (exchange.path().startsWith("/admin/") || AdminMetadata.SHOUTCAST_PATH.equals(exchange.path())) {
            admin.handle(exchange);
        } else if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            listeners.handle(exchange);
        } else {
            exchange.respond(405, Map.of("Allow", "GET, HEAD, OPTIONS, PUT, SOURCE"), new byte[0]);
        }
    }

    @Override
    public List<StationInfo> stations() {
        return stations.infos();
    }

    @Override
    public Runnable watch(Consumer<Station> onAir) {
        return stations.watch(onAir);
    }

    private void stopIdleSources() {
        long timeout = TimeUnit.SECONDS.toNanos(settings.sourceTimeoutSeconds());
        for (StationSource feed : stations.feeds()) {
            feed.stopIfIdle(timeout);
        }
    }
}
