package org.tributary.mp3.internal;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.LiveSource;
import org.tributary.api.MediaException;
import org.tributary.api.MediaSource;
import org.tributary.api.Publication;

/**
 * Gives every station on air an RTSP path ({@link RtspPaths}): publishes it to the live source with one MPA
 * track fed from the station's audio ({@link MpaSender}), mounts it at its RTSP path when that lies outside the
 * live mount, and undoes both when the station goes off the air. The first to claim a path keeps it: a station
 * whose live path is being published already, or whose RTSP path another source is mounted at, gets no RTSP path
 * (one log line), and the live source refuses an RTSP announcement at a station's path as busy.
 */
final class RtspStations {

    /** Mounts a media source at a path, unless another source is mounted there. */
    interface Mounts {
        /**
         * @param path   the path, such as {@code /radio}
         * @param source what serves it
         * @return what unmounts it (idempotent), or null when another source is mounted there
         */
        Runnable mount(String path, MediaSource source);
    }

    private static final Logger LOG = LoggerFactory.getLogger(RtspStations.class);

    private final LiveSource live;
    private final Mounts mounts;
    private final Random random = new Random();
    private final LongSupplier nanoClock;
    private final Map<Station, OnRtsp> onRtsp = new ConcurrentHashMap<>();
    private final RtspPaths paths;
    private volatile boolean closed;

    /**
     * @param live      where stations are published
     * @param mounts    where their own mounts go
     * @param paths     their paths
     * @param nanoClock monotonic time, for the sender reports
     */
    RtspStations(LiveSource live, Mounts mounts, RtspPaths paths, LongSupplier nanoClock) {
        this.live = live;
        this.mounts = mounts;
        this.paths = paths;
        this.nanoClock = nanoClock;
    }

    /** Gives a station that went on air its RTSP path; a station that has one keeps it. */
    void onAir(Station station) {
        OnRtsp path = new OnRtsp(station);
        if (closed || onRtsp.putIfAbsent(station, path) != null) {
            return;
        }
        try {
            path.start();
        } catch (RuntimeException e) {
            // the source going on air must not fail for it
            LOG.warn("MP3 station {} gets no RTSP path: {}", station.mount(), e.toString());
            path.stop();
        }
        if (closed) {
            path.stop();
        }
    }

    /** Takes every station off RTSP; stations that go on air later get no path. */
    void close() {
        closed = true;
        for (OnRtsp path : List.copyOf(onRtsp.values())) {
            path.stop();
        }
    }

    /**
     * One station's RTSP path. Started once and stopped once, from any thread: every resource taken is released
     * exactly once, by the stop or, when the stop came first, by the start itself.
     */
    private final class OnRtsp implements StationTap {

        private final Station station;
        private final String rtspPath;
        private final String livePath;
        private final boolean ownMount;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final AtomicReference<Publication> publication = new AtomicReference<>();
        private final AtomicReference<Runnable> unmount = new AtomicReference<>();
        private volatile MpaSender sender;

        OnRtsp(Station station) {
            this.station = station;
            this.rtspPath = paths.rtspPath(station.mount());
            this.livePath = paths.livePath(station.mount());
            this.ownMount = paths.ownMount(station.mount());
        }

        void start() {
            if (ownMount) {
                String broadcast = paths.liveMount() + livePath;
                Runnable mounted = mounts.mount(rtspPath, new StationMount(rtspPath, live, livePath, broadcast));
                if (mounted == null) {
                    refused("another media source is mounted at " + rtspPath);
                    return;
                }
                unmount.set(mounted);
            }
            Publication published;
            try {
                published = live.publish(livePath, MpaSender.sdp(station.mount()), "MP3 station " + station.mount());
            } catch (MediaException e) {
                refused(e.getMessage());
                return;
            }
            sender = new MpaSender(published, random, nanoClock, Instant::now);
            publication.set(published);
            published.onEnd(() -> {
                LOG.info("MP3 station {} lost its RTSP path {}: the live source ended its broadcast", station.mount(),
                        rtspPath);
                stop();
            });
            if (stopped.get()) {
                release();
                return;
            }
            station.tap(this);
            if (stopped.get()) {
                // the stop ran before the tap was there to remove
                station.untap(this);
                return;
            }
            LOG.info("MP3 station {} is on RTSP at {}{}", station.mount(), rtspPath,
                    ownMount ? " (live broadcast " + paths.liveMount() + livePath + ")" : "");
        }

        private void refused(String why) {
            LOG.warn("MP3 station {} gets no RTSP path {}: {}", station.mount(), rtspPath, why);
            stop();
        }

        void stop() {
            if (stopped.compareAndSet(false, true)) {
                onRtsp.remove(station, this);
                station.untap(this);
                release();
            }
        }

        private void release() {
            Publication published = publication.getAndSet(null);
            if (published != null) {
                published.close();
            }
            Runnable mounted = unmount.getAndSet(null);
            if (mounted != null) {
                mounted.run();
            }
        }

        /** Locked: while a source takes a station over, the old one's last frames may still be on their way. */
        @Override
        public void frames(ByteBuffer frames) {
            MpaSender current = sender;
            if (current != null && !stopped.get()) {
                synchronized (current) {
                    current.frames(frames);
                }
            }
        }

        @Override
        public void ended() {
            stop();
        }
    }
}
