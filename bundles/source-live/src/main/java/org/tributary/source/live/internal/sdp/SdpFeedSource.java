package org.tributary.source.live.internal.sdp;

import java.nio.file.Path;
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
import org.tributary.source.live.internal.BroadcastStats;

/**
 * Serves the {@code NAME.sdp} files of the media folder as live broadcasts at
 * {@code rtsp://HOST/NAME.sdp}, as QTSS's reflector did: the first viewer starts the feed (its UDP
 * ports are bound, multicast groups joined), later viewers share it, and it stops
 * {@code idleSeconds} after its last viewer left. A feed silent for the publisher timeout ends its
 * viewers. The file is read when a feed starts, so a changed file takes effect at the next start.
 * Registered as a {@link LiveSource} so management lists its feeds; it takes no ANNOUNCE.
 */
@Component(service = {MediaSource.class, LiveSource.class}, configurationPid = "org.tributary.source.sdp",
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {MediaSource.MOUNT + "=/", MediaSource.SUFFIX + "=" + SdpFolder.SUFFIX})
@Designate(ocd = SdpFeedConfig.class)
public class SdpFeedSource implements LiveSource {

    private static final Logger LOG = LoggerFactory.getLogger(SdpFeedSource.class);

    private final LongSupplier nanoClock;
    private final Map<Path, UdpFeed> feeds = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private volatile SdpSettings settings = SdpSettings.defaults(SdpSettings.folderPath(""));
    private boolean stopped;
    private ScheduledExecutorService checks;

    /** Creates the component on the system clock with the default settings. */
    public SdpFeedSource() {
        this(System::nanoTime);
    }

    SdpFeedSource(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Activate
    void activate(SdpFeedConfig config) {
        configure(SdpSettings.of(config));
        checks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tributary-sdp-feed-checks");
            thread.setDaemon(true);
            return thread;
        });
        checks.scheduleWithFixedDelay(() -> {
            // an exception would silently cancel the periodic task
            try {
                checkFeeds();
            } catch (RuntimeException e) {
                LOG.warn("SDP feed check failed", e);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    /** Applies new settings to feeds started from now on; running feeds go on. */
    @Modified
    void modified(SdpFeedConfig config) {
        configure(SdpSettings.of(config));
    }

    @Deactivate
    void deactivate() {
        if (checks != null) {
            checks.shutdownNow();
        }
        stop();
    }

    /** Applies settings; the OSGi life-cycle methods forward here and tests call it. */
    void configure(SdpSettings newSettings) {
        settings = newSettings;
    }

    /** Stops every feed (its viewers get a clean end) and refuses new ones. */
    void stop() {
        synchronized (lock) {
            stopped = true;
        }
        for (Map.Entry<Path, UdpFeed> feed : feeds.entrySet()) {
            end(feed.getKey(), feed.getValue(), "the SDP-file source stopped");
        }
    }

    @Override
    public MediaPresentation open(String path) throws MediaException {
        SdpSettings current = settings;
        try {
            Path file = new SdpFolder(current.folder()).resolve(path);
            synchronized (lock) {
                if (stopped) {
                    throw new MediaException(Reason.NOT_FOUND, "the SDP-file source stopped");
                }
                UdpFeed feed = feeds.get(file);
                if (feed == null) {
                    feed = start(file, path, current);
                    feeds.put(file, feed);
                }
                feed.used(nanoClock.getAsLong());
                return feed.broadcast();
            }
        } catch (MediaException e) {
            if (e.reason() != Reason.NOT_FOUND) {
                LOG.warn("SDP feed /{} cannot start: {}", path, e.getMessage());
            }
            throw e;
        }
    }

    private UdpFeed start(Path file, String path, SdpSettings current) throws MediaException {
        String text = SdpFolder.read(file, path, current.maxSdpBytes());
        FeedDescription feed = FeedDescriptionParser.parse(path, text, current.maxSdpBytes(),
                SdpSettings.MAX_TRACKS);
        UdpFeed started = UdpFeed.start(path, feed, current.multicastInterface(), nanoClock);
        LOG.info("SDP feed /{} started: {} track(s) on {}", path, feed.endpoints().size(),
                feed.endpoints().stream().map(TrackEndpoint::describe).toList());
        return started;
    }

    /**
     * Ends every feed silent for the publisher timeout, and stops every feed nobody watched for the
     * idle time; the scheduler calls it every second.
     */
    void checkFeeds() {
        SdpSettings current = settings;
        long now = nanoClock.getAsLong();
        long silenceLimit = TimeUnit.SECONDS.toNanos(current.publisherTimeoutSeconds());
        long idleLimit = TimeUnit.SECONDS.toNanos(current.idleSeconds());
        for (Map.Entry<Path, UdpFeed> entry : feeds.entrySet()) {
            UdpFeed feed = entry.getValue();
            if (silenceLimit > 0 && feed.broadcast().silenceNanos(now) >= silenceLimit) {
                end(entry.getKey(), feed, "no RTP for " + current.publisherTimeoutSeconds() + " s");
                continue;
            }
            synchronized (lock) {
                // under the lock, so that an open() that just picked the feed has marked it used
                if (feed.broadcast().stats().viewers() > 0) {
                    feed.used(now);
                    continue;
                }
                if (feed.idleNanos(now) < idleLimit) {
                    continue;
                }
                feeds.remove(entry.getKey(), feed);
            }
            end(entry.getKey(), feed, "no viewer for " + current.idleSeconds() + " s");
        }
    }

    private void end(Path file, UdpFeed feed, String why) {
        feeds.remove(file, feed);
        feed.stop();
        LOG.info("SDP feed /{} stopped ({}); its ports are released", feed.broadcast().path(), why);
    }

    /** Refused: a feed is described by its file, not announced. */
    @Override
    public Publication publish(String path, String sdp, String publisher) throws MediaException {
        throw new MediaException(Reason.NOT_FOUND, "SDP-file feeds are not published with ANNOUNCE: put NAME"
                + SdpFolder.SUFFIX + " into the media folder instead");
    }

    /** @return the running feeds, with their paths made absolute; foreign packets count as dropped */
    @Override
    public List<BroadcastInfo> broadcasts() {
        return feeds.values().stream().map(feed -> {
            BroadcastStats b = feed.broadcast().stats();
            return new BroadcastInfo("/" + b.path(), b.publisher(), b.started(), b.encodings(), b.packetsIn(),
                    b.bytesIn(), b.dropped() + feed.foreignPackets(), b.viewers());
        }).toList();
    }

    @Override
    public String description() {
        return "SDP-file feeds in " + settings.folder() + " (" + feeds.size() + " running)";
    }
}
