package org.tributary.source.live.internal.relay;

import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.BroadcastInfo;
import org.tributary.api.LiveSource;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.api.MediaPresentation;
import org.tributary.api.MediaSource;
import org.tributary.api.RelayInfo;

/**
 * A relay that pulls only while someone watches ({@code mode = ondemand}): mounted at the relay's
 * own path (such as {@code /live/edge1}, longer than the live mount, so it is asked first), it
 * starts the pull when a viewer opens the path and holds the viewer's DESCRIBE until the origin
 * plays, at most {@code connect}. Concurrent viewers share the one pull; it stops {@code idle} after
 * the last viewer left, or after an open that no viewer followed, and the next viewer starts it again.
 *
 * <p>An origin that cannot be pulled is logged once per attempt, with its cause, and viewers get
 * NOT_FOUND (RTSP 404) naming it; for {@code reconnect} after that they get it at once instead of
 * loading the origin with a new attempt per viewer.
 */
final class OnDemandRelay implements MediaSource, Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(OnDemandRelay.class);
    private static final long STOP_WAIT_MILLIS = 5_000;
    private static final Duration MIN_CHECK = Duration.ofMillis(10);
    private static final Duration MAX_CHECK = Duration.ofSeconds(1);

    private final LiveSource live;
    private final RelaySettings settings;
    private final String mount;
    private final ScheduledExecutorService idleCheck;
    private final AtomicLong pulls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final RelayStatus status;
    private DemandedPull running;
    private long lastDemandNanos;
    private boolean watched;
    private long failedAtNanos;
    private String failure;
    private boolean closed;

    /**
     * @param live     where the pull publishes, at {@code settings.path()}
     * @param settings the relay's settings
     * @param mount    the absolute path viewers open, the live mount followed by the relay's path
     */
    OnDemandRelay(LiveSource live, RelaySettings settings, String mount) {
        this.live = live;
        this.settings = settings;
        this.mount = mount;
        this.status = new RelayStatus(mount, settings.origin(), RelayStatus.ON_DEMAND, RelayStatus.State.IDLE);
        this.idleCheck = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tributary-relay-idle-" + settings.path());
            thread.setDaemon(true);
            return thread;
        });
        long period = checkPeriod(settings.idle()).toMillis();
        idleCheck.scheduleWithFixedDelay(this::checkIdleSafely, period, period, TimeUnit.MILLISECONDS);
    }

    /** @return how often to look for viewers: a quarter of the idle time, within 10 ms to 1 s */
    static Duration checkPeriod(Duration idle) {
        Duration quarter = idle.dividedBy(4);
        return quarter.compareTo(MIN_CHECK) < 0 ? MIN_CHECK : quarter.compareTo(MAX_CHECK) > 0 ? MAX_CHECK : quarter;
    }

    @Override
    public String description() {
        boolean pulling;
        synchronized (this) {
            pulling = running != null;
        }
        return "relay of " + settings.origin() + " on demand (" + (pulling ? "pulling" : "idle") + ", "
                + pulls.get() + " pulls, " + failures.get() + " failed)";
    }

    /**
     * Starts the pull unless it runs, waits until the origin plays and opens the local broadcast.
     * Blocks the caller for at most the connect time.
     *
     * @param path below the relay's mount: only {@code ""} names the broadcast
     * @throws MediaException NOT_FOUND when the origin cannot be pulled (in time), naming it and the cause
     */
    @Override
    public MediaPresentation open(String path) throws MediaException {
        if (path == null || !path.isEmpty()) {
            throw new MediaException(Reason.NOT_FOUND, "no live broadcast at this path");
        }
        DemandedPull pull = demand();
        try {
            pull.awaitPlaying(settings.connect());
        } catch (TimeoutException e) {
            if (!pull.isPlaying()) {
                String cause = "it did not play within " + settings.connect().toSeconds() + " s";
                if (abandon(pull, cause)) {
                    LOG.warn("relay {}: cannot pull {}: {}; viewers get 404 for {} s", mount, settings.origin(), cause,
                            settings.reconnect().toSeconds());
                }
                throw new MediaException(Reason.NOT_FOUND, DemandedPull.failure(settings.origin(), cause), e);
            }
        }
        status.pulling();
        return live.open(settings.path());
    }

    /** @return its path, origin, state (IDLE until a viewer asks), failures since it last pulled, last error */
    RelayInfo info() {
        return status.info();
    }

    /** @return the running pull, started now if none runs and the origin did not fail just before */
    private synchronized DemandedPull demand() throws MediaException {
        if (closed) {
            throw new MediaException(Reason.NOT_FOUND, "relay " + mount + " is stopped");
        }
        long now = System.nanoTime();
        lastDemandNanos = now;
        if (running != null) {
            return running;
        }
        if (failure != null && now - failedAtNanos < settings.reconnect().toNanos()) {
            throw new MediaException(Reason.NOT_FOUND, DemandedPull.failure(settings.origin(), failure));
        }
        failure = null;
        watched = false;
        running = new DemandedPull(settings.origin(), settings.path(), live, settings.connect(), this::ended);
        running.start();
        status.connecting();
        pulls.incrementAndGet();
        LOG.info("relay {}: a viewer asked, pulling {}", mount, settings.origin());
        return running;
    }

    /** Gives up a pull that is too slow to start; @return whether this call did (once per pull) */
    private boolean abandon(DemandedPull pull, String cause) {
        synchronized (this) {
            if (running != pull || pull.isPlaying()) {
                return false;
            }
            running = null;
            failed(cause);
        }
        pull.stop(cause);
        return true;
    }

    private void failed(String cause) {
        failure = cause;
        failedAtNanos = System.nanoTime();
        failures.incrementAndGet();
        status.failed(cause);
    }

    /** The pull's thread ended; {@code cause} is {@code null} when the relay stopped it on purpose. */
    private void ended(DemandedPull pull, String cause) {
        boolean played = pull.isPlaying();
        synchronized (this) {
            if (running == pull) {
                running = null;
            }
            if (cause != null && !played) {
                failed(cause);
            }
        }
        if (cause == null) {
            return;
        }
        if (played) {
            status.idle();
            LOG.info("relay {}: the pull from {} ended: {}; the next viewer pulls again", mount, settings.origin(), cause);
        } else {
            LOG.warn("relay {}: cannot pull {}: {}; viewers get 404 for {} s", mount, settings.origin(), cause,
                    settings.reconnect().toSeconds());
        }
    }

    private void checkIdleSafely() {
        // an exception would silently cancel the periodic task
        try {
            checkIdle();
        } catch (RuntimeException e) {
            LOG.warn("relay {}: idle check failed", mount, e);
        }
    }

    /** Stops a playing pull that has had no viewer, and no open, for the idle time. */
    void checkIdle() {
        DemandedPull pull;
        synchronized (this) {
            pull = running;
        }
        if (pull == null || !pull.isPlaying()) {
            // a pull that does not play yet is bounded by its own time-outs
            return;
        }
        int viewers = viewers();
        synchronized (this) {
            long now = System.nanoTime();
            if (running != pull) {
                return;
            }
            if (viewers > 0 || watched) {
                // the last viewer left at some moment since the previous check: count from now, never early
                lastDemandNanos = now;
                watched = viewers > 0;
                return;
            }
            if (now - lastDemandNanos < settings.idle().toNanos()) {
                return;
            }
            running = null;
            // still under the lock, so a viewer arriving now starts a new pull only once this one is gone
            pull.stop("no viewer");
            status.idle();
        }
        LOG.info("relay {}: no viewer for {} s, stopped pulling {}", mount, settings.idle().toSeconds(),
                settings.origin());
    }

    private int viewers() {
        int viewers = 0;
        for (BroadcastInfo broadcast : live.broadcasts()) {
            if (broadcast.path().equals(mount)) {
                viewers += broadcast.viewers();
            }
        }
        return viewers;
    }

    /** Stops pulling for good: waiting viewers get NOT_FOUND, the pull ends, its thread is joined. */
    @Override
    public void close() {
        DemandedPull pull;
        synchronized (this) {
            closed = true;
            status.stopped();
            pull = running;
            running = null;
        }
        idleCheck.shutdownNow();
        if (pull == null) {
            return;
        }
        pull.stop("the relay stopped");
        try {
            if (!pull.join(STOP_WAIT_MILLIS)) {
                LOG.warn("relay {}: its pull did not stop within {} ms", mount, STOP_WAIT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
