package org.tributary.source.live.internal.relay;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.LiveSource;
import org.tributary.source.live.internal.LiveSources;

/**
 * A relay: keeps one pull of another RTSP server's stream running as a local live broadcast, so any
 * number of viewers here cost the origin one stream (origin → edge). It pulls while active ("always"),
 * over TCP-interleaved RTSP, and pulls again {@code reconnectSeconds} after the origin closes or fails.
 *
 * <p>One factory configuration per relay, {@code etc/org.tributary.live.relay-NAME.cfg}:
 * <pre>
 * # the stream to pull; user:password when the origin asks for a login (Digest MD5 or Basic)
 * url = rtsp://user:pw@origin.example.net:554/live/cam1
 * # served here as rtsp://THIS-HOST/live/edge1
 * path = edge1
 * # seconds between a failure and the next attempt (default 5)
 * reconnectSeconds = 5
 * </pre>
 * The origin's SDP is published as it is, so the origin must describe the stream with an
 * {@code a=control} per track, as Tributary, ffmpeg and GStreamer servers do.
 */
@Component(configurationPid = "org.tributary.live.relay", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = RelayConfig.class, factory = true)
public class RelayComponent {

    private static final Logger LOG = LoggerFactory.getLogger(RelayComponent.class);
    private static final long STOP_WAIT_MILLIS = 5_000;

    private final LiveSource source;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private OriginUrl origin;
    private String path;
    private Duration reconnect;
    private Thread thread;
    private volatile OriginPull current;

    /** Creates and starts the relay; the configuration is checked first and refused with a clear message. */
    @Activate
    public RelayComponent(@Reference(target = LiveSources.ANNOUNCED) LiveSource source, RelayConfig config) {
        this.source = source;
        open(OriginUrl.parse(config.url()), config.path(), Duration.ofSeconds(Math.max(1, config.reconnectSeconds())));
    }

    RelayComponent(LiveSource source) {
        this.source = source;
    }

    /** Starts pulling; the OSGi activation forwards here and tests call it with short delays. */
    void open(OriginUrl originUrl, String localPath, Duration reconnectDelay) {
        // the live source checks the path strictly when the relay publishes; refuse only the obvious here
        if (localPath == null || localPath.isBlank() || localPath.startsWith("/")) {
            throw new IllegalArgumentException("relay path must be a name below the live mount, such as edge1");
        }
        origin = originUrl;
        path = localPath;
        reconnect = reconnectDelay;
        thread = new Thread(this::pullUntilStopped, "tributary-relay-" + localPath);
        thread.setDaemon(true);
        thread.start();
    }

    private void pullUntilStopped() {
        String lastCause = null;
        while (stopped.getCount() > 0) {
            OriginPull pull = new OriginPull(origin, path, source);
            current = pull;
            String cause;
            try {
                if (stopped.getCount() > 0) {
                    pull.run();
                }
                cause = "pull stopped";
            } catch (Exception e) {
                cause = e.getMessage() == null ? e.toString() : e.getMessage();
            } finally {
                pull.close();
            }
            if (stopped.getCount() == 0) {
                break;
            }
            // a dead origin fails the same way every few seconds: say it once, then quietly
            if (!cause.equals(lastCause)) {
                LOG.warn("relay {} from {} ended: {}; pulling again every {} s", path, origin, cause,
                        reconnect.toSeconds());
            } else {
                LOG.debug("relay {} from {} ended again: {}", path, origin, cause);
            }
            lastCause = cause;
            try {
                stopped.await(reconnect.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    /** Stops pulling: TEARDOWN, connection closed, local broadcast ended, thread joined. */
    @Deactivate
    public void close() {
        stopped.countDown();
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
