package org.tributary.source.live.internal;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.LivePresentation;
import org.tributary.api.LiveSubscription;
import org.tributary.api.LiveViewer;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.api.MediaReader;
import org.tributary.api.Publication;
import org.tributary.api.TrackInfo;

/**
 * One live broadcast: the publisher feeds it through {@link Publication}, viewers subscribe through
 * {@link LivePresentation}. Each accepted packet is checked once and handed to every viewer as a
 * read-only view of the publisher's buffer: no per-viewer copy. Viewers run on the publisher's
 * thread and must not block; one that throws is dropped.
 */
public final class Broadcast implements Publication, LivePresentation {

    private static final Logger LOG = LoggerFactory.getLogger(Broadcast.class);

    private final String path;
    private final String name;
    private final String publisher;
    private final AnnouncedSdp sdp;
    private final boolean[] gated;
    private final LongSupplier nanoClock;
    private final Consumer<Broadcast> onClose;
    private final Instant started = Instant.now();
    private final CopyOnWriteArrayList<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LongAdder packetsIn = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final DropLog dropLog;
    private volatile long lastPacketNanos;

    /**
     * @param path      the path below the mount
     * @param name      the full path, for logs
     * @param publisher the publisher's address
     * @param sdp       the checked announcement
     * @param nanoClock monotonic time in nanoseconds; the silence clock starts now
     * @param onClose   told once when the broadcast closes
     */
    public Broadcast(String path, String name, String publisher, AnnouncedSdp sdp, LongSupplier nanoClock,
              Consumer<Broadcast> onClose) {
        this.path = path;
        this.name = name;
        this.publisher = publisher;
        this.sdp = sdp;
        this.nanoClock = nanoClock;
        this.onClose = onClose;
        this.dropLog = new DropLog(LOG, name, nanoClock);
        this.gated = new boolean[sdp.tracks().size()];
        for (int i = 0; i < gated.length; i++) {
            AnnouncedTrack track = sdp.tracks().get(i);
            gated[i] = track.isVideo() && track.encodings().values().stream().anyMatch(KeyFrames::recognises);
        }
        this.lastPacketNanos = nanoClock.getAsLong();
    }

    @Override
    public List<String> controls() {
        return sdp.controls();
    }

    @Override
    public void rtp(int track, ByteBuffer packet) {
        if (closed.get()) {
            return;
        }
        if (track < 0 || track >= gated.length) {
            drop(track, "no such track");
            return;
        }
        RtpPayload payload;
        try {
            payload = RtpPayload.of(packet);
        } catch (MalformedPacketException e) {
            drop(track, e.getMessage());
            return;
        }
        AnnouncedTrack announced = sdp.tracks().get(track);
        String encoding = announced.encoding(payload.payloadType());
        if (encoding == null) {
            drop(track, "payload type " + payload.payloadType() + " was not announced for the track");
            return;
        }
        lastPacketNanos = nanoClock.getAsLong();
        packetsIn.increment();
        bytesIn.add(packet.remaining());
        boolean keyFrameStart = gated[track] && KeyFrames.starts(encoding, packet, payload);
        ByteBuffer shared = packet.asReadOnlyBuffer();
        for (Subscription subscription : subscriptions) {
            try {
                subscription.rtp(track, shared, keyFrameStart);
            } catch (RuntimeException e) {
                evict(subscription, e);
            }
        }
    }

    @Override
    public void rtcp(int track, ByteBuffer packet) {
        if (closed.get()) {
            return;
        }
        if (track < 0 || track >= gated.length) {
            drop(track, "RTCP for no such track");
            return;
        }
        try {
            SenderReports.read(packet, (ntp, rtpTimestamp) -> {
                for (Subscription subscription : subscriptions) {
                    try {
                        subscription.viewer().senderReport(track, ntp, rtpTimestamp);
                    } catch (RuntimeException e) {
                        evict(subscription, e);
                    }
                }
            });
        } catch (MalformedPacketException e) {
            drop(track, e.getMessage());
        }
    }

    private void drop(int track, String cause) {
        dropped.increment();
        dropLog.dropped(track, cause);
    }

    private void evict(Subscription subscription, RuntimeException e) {
        if (subscriptions.remove(subscription)) {
            LOG.warn("broadcast {} dropped a viewer that failed", name, e);
        }
    }

    /** Ends the broadcast: leaves the registry, then every viewer gets {@link LiveViewer#ended()} once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        onClose.accept(this);
        for (Subscription subscription : subscriptions) {
            subscriptions.remove(subscription);
            subscription.end();
        }
        LOG.info("broadcast {} from {} ended", name, publisher);
    }

    @Override
    public LiveSubscription subscribe(LiveViewer viewer) {
        Subscription subscription = new Subscription(viewer, this, gated);
        subscriptions.add(subscription);
        // a close that ran while we were adding did not see this viewer
        if (closed.get() && subscriptions.remove(subscription)) {
            subscription.end();
        }
        return subscription;
    }

    void remove(Subscription subscription) {
        subscriptions.remove(subscription);
    }

    /** @return nanoseconds since the last accepted RTP packet, or since the announcement */
    public long silenceNanos(long now) {
        return now - lastPacketNanos;
    }

    boolean isClosed() {
        return closed.get();
    }

    /** @return a snapshot of the counters, for management commands */
    public BroadcastStats stats() {
        List<String> encodings = sdp.tracks().stream()
                .map(t -> t.encodings().values().stream().filter(e -> !e.isEmpty()).findFirst().orElse(t.kind()))
                .toList();
        return new BroadcastStats(path, publisher, started, encodings, packetsIn.sum(), bytesIn.sum(), dropped.sum(),
                subscriptions.size());
    }

    @Override
    public String mediaDescription() {
        return sdp.mediaDescription();
    }

    @Override
    public int trackCount() {
        return gated.length;
    }

    @Override
    public String path() {
        return path;
    }

    /** Empty: a live track's codec configuration is in its SDP lines, not known as a {@link TrackInfo}. */
    @Override
    public List<TrackInfo> tracks() {
        return List.of();
    }

    @Override
    public double duration() {
        return Double.NaN;
    }

    @Override
    public MediaReader openReader() throws MediaException {
        throw new MediaException(Reason.UNSUPPORTED, "broadcast " + name + " is live: subscribe instead of reading");
    }
}
