package org.tributary.source.live.internal.relay;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.LiveSource;
import org.tributary.api.MediaSource;
import org.tributary.api.Relay;
import org.tributary.api.RelayInfo;
import org.tributary.source.live.internal.LiveSources;

/**
 * A relay: serves another RTSP server's stream as a local live broadcast, so any number of viewers
 * here cost the origin one stream (origin → edge). It pulls over TCP-interleaved RTSP. In
 * {@code always} mode it pulls while active and pulls again {@code reconnectSeconds} after the
 * origin closes or fails; in {@code ondemand} mode an {@link OnDemandRelay} mounted at the relay's
 * path pulls only while viewers watch.
 *
 * <p>One factory configuration per relay, {@code etc/org.tributary.live.relay-NAME.cfg}:
 * <pre>
 * # the stream to pull; user:password when the origin asks for a login (Digest MD5 or Basic)
 * url = rtsp://user:pw@origin.example.net:554/live/cam1
 * # served here as rtsp://THIS-HOST/live/edge1
 * path = edge1
 * # always (default): pull all the time; ondemand: pull from the first viewer on, stop when they left
 * mode = ondemand
 * # always: seconds between a failure and the next attempt; ondemand: seconds a failed origin
 * # is not tried again (viewers get 404 at once) (default 5)
 * reconnectSeconds = 5
 * # ondemand: how long a viewer's DESCRIBE waits for the origin to play (default 10)
 * connectSeconds = 10
 * # ondemand: the pull stops this long after the last viewer left (default 30)
 * idleSeconds = 30
 * </pre>
 * The origin's SDP is published as it is, so the origin must describe the stream with an
 * {@code a=control} per track, as Tributary, ffmpeg and GStreamer servers do.
 */
// immediate: the relay pulls whether or not anyone (the shell) looks at its Relay service
@Component(configurationPid = "org.tributary.live.relay", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = Relay.class, immediate = true)
@Designate(ocd = RelayConfig.class, factory = true)
public class RelayComponent implements Relay {

    private static final Logger LOG = LoggerFactory.getLogger(RelayComponent.class);
    private static final long STOP_WAIT_MILLIS = 5_000;

    private final LiveSource source;
    private final String mount;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private OriginUrl origin;
    private volatile RelayStatus status;
    private String path;
    private Duration reconnect;
    private Thread thread;
    private volatile OriginPull current;
    private OnDemandRelay onDemand;
    private ServiceRegistration<MediaSource> registration;

    /**
     * Creates and starts the relay; the configuration is checked first and refused with a clear message.
     *
     * @param context where an on-demand relay registers its {@link MediaSource}
     * @param live    the live source with its service properties (its mount)
     * @param config  the relay's factory configuration
     */
    @Activate
    public RelayComponent(BundleContext context,
                          @Reference(service = LiveSource.class, target = LiveSources.ANNOUNCED)
                          Map.Entry<Map<String, Object>, LiveSource> live,
                          RelayConfig config) {
        this.source = live.getValue();
        this.mount = liveMount(live.getKey().get(MediaSource.MOUNT));
        RelaySettings settings = RelaySettings.of(config);
        if (settings.onDemand()) {
            String mount = this.mount + settings.path();
            onDemand = new OnDemandRelay(source, settings, mount);
            Dictionary<String, Object> properties = new Hashtable<>(Map.of(MediaSource.MOUNT, mount));
            registration = context.registerService(MediaSource.class, onDemand, properties);
            LOG.info("relay {} from {} waits for viewers at {}", settings.path(), settings.origin(), mount);
        } else {
            open(settings.origin(), settings.path(), settings.reconnect());
        }
    }

    RelayComponent(LiveSource source) {
        this.source = source;
        this.mount = liveMount(null);
    }

    /** Starts pulling; the OSGi activation forwards here and tests call it with short delays. */
    void open(OriginUrl originUrl, String localPath, Duration reconnectDelay) {
        origin = originUrl;
        path = RelaySettings.checkPath(localPath);
        reconnect = reconnectDelay;
        status = new RelayStatus(mount + localPath, originUrl, RelayStatus.ALWAYS_ON, RelayStatus.State.CONNECTING);
        thread = new Thread(this::pullUntilStopped, "tributary-relay-" + localPath);
        thread.setDaemon(true);
        thread.start();
    }

    private void pullUntilStopped() {
        while (stopped.getCount() > 0) {
            status.connecting();
            OriginPull pull = new OriginPull(origin, path, source, OriginPull.CONNECT_TIMEOUT_MILLIS, this::playing);
            current = pull;
            String cause = stopped.getCount() > 0 ? pull.runToEnd() : "pull stopped";
            pull.close();
            if (stopped.getCount() == 0) {
                break;
            }
            // a dead origin fails the same way every few seconds: say it once when it starts failing, then quietly
            if (status.failed(cause)) {
                LOG.warn("relay {} from {} is failing: {}; pulling again every {} s", path, origin, cause,
                        reconnect.toSeconds());
            } else {
                LOG.debug("relay {} from {} failed again ({} in a row): {}", path, origin,
                        status.info().failures(), cause);
            }
            try {
                stopped.await(reconnect.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    private void playing() {
        long failures = status.info().failures();
        if (status.pulling()) {
            LOG.info("relay {} from {} is pulling{}", path, origin,
                    failures > 0 ? " after " + failures + " failed attempt(s)" : "");
        }
    }

    /** @return the relay's path, origin without credentials, mode, state, failures since it last pulled, last error */
    @Override
    public RelayInfo info() {
        return onDemand != null ? onDemand.info() : status.info();
    }

    /** @return the live source's mount spelled with both slashes, {@code /live/} when it names none */
    static String liveMount(Object mount) {
        String m = mount == null || mount.toString().isBlank() ? "/live/" : mount.toString().strip();
        m = m.startsWith("/") ? m : "/" + m;
        return m.endsWith("/") ? m : m + "/";
    }

    /** Stops pulling: unmounted, TEARDOWN, connection closed, local broadcast ended, thread joined. */
    @Deactivate
    public void close() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // the bundle is stopping and the framework unregistered it already
            }
        }
        if (onDemand != null) {
            onDemand.close();
        }
        stopped.countDown();
        if (status != null) {
            status.stopped();
        }
        OriginPull pull = current;
        if (pull != null) {
            pull.close();
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.warn("relay {} from {}: its thread did not stop within {} ms", path, origin, STOP_WAIT_MILLIS);
            }
        }
    }

    /** @return the pulling thread, for tests */
    Thread thread() {
        return thread;
    }
}
