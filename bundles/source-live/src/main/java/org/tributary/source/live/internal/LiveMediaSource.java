package org.tributary.source.live.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.BroadcastInfo;
import org.tributary.api.LiveSource;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.api.MediaPresentation;
import org.tributary.api.MediaSource;
import org.tributary.api.Publication;

/**
 * The broadcast reflector mounted at {@code /live/} (configurable with {@code tributary.mount}):
 * publishers announce a path, viewers open it. A broadcast silent for the publisher timeout ends;
 * stopping the component ends every broadcast, which ends their viewers cleanly.
 */
@Component(service = {MediaSource.class, LiveSource.class}, configurationPid = "org.tributary.source.live",
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = MediaSource.MOUNT + "=" + LiveSettings.DEFAULT_MOUNT)
@Designate(ocd = LiveSourceConfig.class)
public class LiveMediaSource implements LiveSource {

    private static final Logger LOG = LoggerFactory.getLogger(LiveMediaSource.class);

    private final LongSupplier nanoClock;
    private final Map<String, Broadcast> broadcasts = new ConcurrentHashMap<>();
    private volatile LiveSettings settings = LiveSettings.DEFAULTS;
    private volatile boolean stopped;
    private ScheduledExecutorService timeouts;

    /** Creates the component on the system clock with the default settings. */
    public LiveMediaSource() {
        this(System::nanoTime);
    }

    LiveMediaSource(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Activate
    void activate(LiveSourceConfig config) {
        configure(config);
        timeouts = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tributary-live-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        timeouts.scheduleWithFixedDelay(() -> {
            // an exception would silently cancel the periodic task
            try {
                checkTimeouts();
            } catch (RuntimeException e) {
                LOG.warn("live broadcast timeout check failed", e);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    /** Applies new limits to new announcements and to the silence check; running broadcasts go on. */
    @Modified
    void modified(LiveSourceConfig config) {
        configure(config);
    }

    /**
     * Applies a configuration, or keeps the settings in force (the defaults at start) when it is refused: one
     * WARN line naming the key, and broadcasts go on being accepted.
     */
    void configure(LiveSourceConfig config) {
        try {
            configure(LiveSettings.of(config));
        } catch (IllegalArgumentException e) {
            LOG.warn("Live broadcast configuration refused, the last good one stays in force: {}", e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        if (timeouts != null) {
            timeouts.shutdownNow();
        }
        stop();
    }

    /** Applies settings; the OSGi life-cycle methods forward here and tests call it. */
    void configure(LiveSettings newSettings) {
        settings = newSettings;
    }

    /** Ends every broadcast and refuses new ones. */
    void stop() {
        stopped = true;
        for (Broadcast broadcast : List.copyOf(broadcasts.values())) {
            broadcast.close();
        }
    }

    /**
     * Starts a broadcast, or continues one: a path whose publisher left while its viewers wait, or a
     * busy path when takeover is allowed, goes on with the new publisher if it announces the same media;
     * otherwise its viewers end and a new broadcast starts.
     */
    @Override
    public Publication publish(String path, String sdp, String publisher) throws MediaException {
        LiveSettings current = settings;
        BroadcastPaths.check(path);
        AnnouncedSdp announced = AnnounceParser.parse(sdp, current.maxSdpBytes(), current.maxTracks());
        synchronized (broadcasts) {
            if (stopped) {
                throw new MediaException(Reason.NOT_FOUND, "live source stopped");
            }
            String name = current.mount() + path;
            Broadcast existing = broadcasts.get(path);
            boolean waiting = existing != null && existing.publisherGoneNanos() != 0;
            if (existing != null && !waiting && !current.allowTakeover()) {
                throw new MediaException(Reason.BUSY, "broadcast " + name + " is already being published");
            }
            if (existing != null && existing.continuesWith(announced)) {
                PublisherFeed previous = existing.feed();
                PublisherFeed feed = existing.attach(publisher);
                if (previous != null) {
                    previous.end();
                }
                LOG.info("broadcast {} continues with publisher {} ({} viewer(s) kept)", name, publisher,
                        existing.viewerCount());
                return feed;
            }
            if (existing != null) {
                LOG.info("broadcast {}: {} announces other media; the current broadcast ends", name, publisher);
                existing.close();
            }
            Broadcast broadcast = new Broadcast(path, name, publisher, announced, nanoClock,
                    ended -> broadcasts.remove(path, ended), this::publisherGone);
            broadcasts.put(path, broadcast);
            LOG.info("broadcast {} announced by {} with {} track(s)", name, publisher, announced.tracks().size());
            return broadcast.attach(publisher);
        }
    }

    /** A publisher left or went silent: its viewers wait for another, when configured and there are any. */
    private void publisherGone(Broadcast broadcast) {
        int wait = settings.publisherWaitSeconds();
        if (wait == 0 || broadcast.viewerCount() == 0 || stopped) {
            broadcast.close();
        } else {
            LOG.info("broadcast {}{} lost its publisher; {} viewer(s) wait up to {} s for it", settings.mount(),
                    broadcast.path(), broadcast.viewerCount(), wait);
        }
    }

    @Override
    public MediaPresentation open(String path) throws MediaException {
        Broadcast broadcast = path == null ? null : broadcasts.get(path);
        if (broadcast == null) {
            throw new MediaException(Reason.NOT_FOUND, "no live broadcast at this path");
        }
        return broadcast;
    }

    @Override
    public String description() {
        return "live broadcasts at " + settings.mount() + " (" + broadcasts.size() + " publishing)";
    }

    /**
     * Drops the publisher of every broadcast silent for the publisher timeout, and ends every broadcast
     * whose viewers waited for a publisher long enough; the scheduler calls it every second.
     */
    void checkTimeouts() {
        LiveSettings current = settings;
        long now = nanoClock.getAsLong();
        long silenceLimit = TimeUnit.SECONDS.toNanos(current.publisherTimeoutSeconds());
        long waitLimit = TimeUnit.SECONDS.toNanos(current.publisherWaitSeconds());
        for (Broadcast broadcast : broadcasts.values()) {
            long gone = broadcast.publisherGoneNanos();
            if (gone != 0) {
                if (now - gone >= waitLimit) {
                    LOG.info("broadcast {}{}: no publisher came back within {} s", current.mount(), broadcast.path(),
                            current.publisherWaitSeconds());
                    broadcast.close();
                }
            } else if (silenceLimit > 0 && broadcast.silenceNanos(now) >= silenceLimit) {
                LOG.info("broadcast {}{} timed out after {} s without packets", current.mount(), broadcast.path(),
                        current.publisherTimeoutSeconds());
                broadcast.dropPublisher();
            }
        }
    }

    /** @return a snapshot of every broadcast's counters, for management commands */
    @Override
    public List<BroadcastInfo> broadcasts() {
        return stats().stream().map(b -> new BroadcastInfo(b.path().startsWith("/") ? b.path() : settings.mount() + b.path(),
                b.publisher(), b.started(), b.encodings(), b.packetsIn(), b.bytesIn(), b.dropped(), b.viewers())).toList();
    }

    List<BroadcastStats> stats() {
        return broadcasts.values().stream().map(Broadcast::stats).toList();
    }
}
