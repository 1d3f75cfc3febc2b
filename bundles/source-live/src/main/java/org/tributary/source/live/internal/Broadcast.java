package org.tributary.source.live.internal;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.tributary.rtp.MalformedRtpException;
import org.tributary.rtp.RandomAccess;
import org.tributary.rtp.Rtcp;
import org.tributary.rtp.RtpPacket;

/**
 * One live broadcast: publishers feed it through {@link PublisherFeed}s (one at a time), viewers
 * subscribe through {@link LivePresentation}. Each accepted packet is checked and copied once, into
 * memory that no one changes afterwards, and that one copy goes to every viewer: no per-viewer copy.
 * Sequence numbers and timestamps are kept continuous when another publisher continues the broadcast
 * (see {@link Timeline}). Viewers run on the publisher's threads and must not block.
 */
public final class Broadcast implements Publication, LivePresentation {

    private static final Logger LOG = LoggerFactory.getLogger(Broadcast.class);

    private final String path;
    private final String name;
    private final AnnouncedSdp sdp;
    private final boolean[] gated;
    private final Timeline[] timelines;
    private final PacketCopies[] copies;
    private final LongSupplier nanoClock;
    private final Consumer<Broadcast> onClose;
    private final Consumer<Broadcast> onPublisherGone;
    private final Instant started = Instant.now();
    private final Viewers viewers;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LongAdder packetsIn = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final DropLog dropLog;
    private volatile String publisher;
    private volatile PublisherFeed feed;
    private volatile long lastPacketNanos;
    private volatile long publisherGoneNanos;

    /**
     * A broadcast fed directly through its own {@link Publication} methods, which ends when closed.
     *
     * @param path      the path below the mount
     * @param name      the full path, for logs
     * @param publisher where the packets come from, for management and logs
     * @param sdp       the checked announcement
     * @param nanoClock monotonic time in nanoseconds; the silence clock starts now
     * @param onClose   told once when the broadcast closes
     */
    public Broadcast(String path, String name, String publisher, AnnouncedSdp sdp, LongSupplier nanoClock,
              Consumer<Broadcast> onClose) {
        this(path, name, publisher, sdp, nanoClock, onClose, Broadcast::close);
    }

    /**
     * @param onPublisherGone told when the current publisher's feed closed; it either closes the broadcast
     *                        or lets viewers wait ({@link #publisherGoneNanos})
     */
    Broadcast(String path, String name, String publisher, AnnouncedSdp sdp, LongSupplier nanoClock,
              Consumer<Broadcast> onClose, Consumer<Broadcast> onPublisherGone) {
        this.path = path;
        this.name = name;
        this.publisher = publisher;
        this.sdp = sdp;
        this.nanoClock = nanoClock;
        this.onClose = onClose;
        this.onPublisherGone = onPublisherGone;
        this.dropLog = new DropLog(LOG, name, nanoClock);
        this.viewers = new Viewers(name);
        int tracks = sdp.tracks().size();
        this.gated = new boolean[tracks];
        this.timelines = new Timeline[tracks];
        this.copies = new PacketCopies[tracks];
        for (int i = 0; i < tracks; i++) {
            AnnouncedTrack track = sdp.tracks().get(i);
            gated[i] = track.isVideo() && track.encodings().values().stream().anyMatch(RandomAccess::recognises);
            timelines[i] = new Timeline(track.clockRate());
            copies[i] = new PacketCopies();
        }
        this.lastPacketNanos = nanoClock.getAsLong();
    }

    /**
     * Gives the broadcast to a (new) publisher: a previous one's packets are ignored from now on, viewers
     * start again at the next key frame, and the silence clock restarts.
     *
     * @param address the publisher's address, {@code host:port}
     * @return the publisher's handle
     */
    PublisherFeed attach(String address) {
        PublisherFeed next = new PublisherFeed(this, address);
        synchronized (this) {
            for (Timeline timeline : timelines) {
                timeline.rebase();
            }
            publisher = address;
            lastPacketNanos = nanoClock.getAsLong();
            publisherGoneNanos = 0;
            feed = next;
        }
        viewers.restart();
        return next;
    }

    /** @return the publisher's handle that may feed the broadcast now, or null */
    PublisherFeed feed() {
        return feed;
    }

    void feedEnded(PublisherFeed ended) {
        synchronized (this) {
            if (feed != ended) {
                return;
            }
            feed = null;
            publisherGoneNanos = Math.max(1, nanoClock.getAsLong());
        }
        onPublisherGone.accept(this);
    }

    /** @return the monotonic time the last publisher left, 0 while one publishes (or never attached) */
    long publisherGoneNanos() {
        return publisherGoneNanos;
    }

    /** Ends the current publisher's feed as if it left (silence timeout, kick); its session is told to end. */
    void dropPublisher() {
        PublisherFeed current = feed;
        if (current != null) {
            current.end();
        } else if (publisherGoneNanos == 0) {
            close();
        }
    }

    /** @return whether another announcement describes the same media, so viewers can go on with it */
    boolean continuesWith(AnnouncedSdp other) {
        return sdp.sameMediaAs(other);
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
        RtpPacket header;
        try {
            header = RtpPacket.parse(packet);
        } catch (MalformedRtpException e) {
            drop(track, e.getMessage());
            return;
        }
        String encoding = sdp.tracks().get(track).encoding(header.payloadType());
        if (encoding == null) {
            drop(track, "payload type " + header.payloadType() + " was not announced for the track");
            return;
        }
        long now = nanoClock.getAsLong();
        lastPacketNanos = now;
        packetsIn.increment();
        bytesIn.add(packet.remaining());
        boolean keyFrameStart = gated[track] && RandomAccess.starts(encoding, packet, header);
        ByteBuffer copy = copies[track].copy(packet);
        timelines[track].map(copy, now);
        viewers.rtp(track, copy.asReadOnlyBuffer(), keyFrameStart);
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
            Rtcp.senderReports(packet, (ntp, rtpTimestamp) -> {
                long mapped = timelines[track].mapTimestamp(rtpTimestamp);
                if (mapped >= 0) {
                    viewers.senderReport(track, ntp, mapped);
                }
            });
        } catch (MalformedRtpException e) {
            drop(track, e.getMessage());
        }
    }

    /** A packet the protocol server refused for this broadcast (foreign port or SSRC): dropped, counted, logged. */
    @Override
    public void refused(int track, String cause) {
        drop(track, cause);
    }

    private void drop(int track, String cause) {
        dropped.increment();
        dropLog.dropped(track, cause);
    }

    /**
     * Ends the broadcast: leaves the registry, the publisher's session is told to end, then every viewer
     * gets {@link LiveViewer#ended()} once.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        PublisherFeed current = feed;
        feed = null;
        onClose.accept(this);
        if (current != null) {
            current.end();
        }
        viewers.endAll();
        LOG.info("broadcast {} from {} ended", name, publisher);
    }

    @Override
    public LiveSubscription subscribe(LiveViewer viewer) {
        Subscription subscription = new Subscription(viewer, this, gated);
        viewers.add(subscription);
        // a close that ran while we were adding did not see this viewer
        if (closed.get() && viewers.remove(subscription)) {
            subscription.end();
        }
        return subscription;
    }

    void remove(Subscription subscription) {
        viewers.remove(subscription);
    }

    int viewerCount() {
        return viewers.count();
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
        String from = publisherGoneNanos == 0 ? publisher : "none, waiting (last: " + publisher + ")";
        return new BroadcastStats(path, from, started, encodings, packetsIn.sum(), bytesIn.sum(), dropped.sum(),
                viewers.count());
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

    /** @return the average bit rate received since the broadcast started; 0 in its first second */
    @Override
    public long bitrate() {
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        return seconds < 1 ? 0 : (long) (bytesIn.sum() * 8 / seconds);
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
