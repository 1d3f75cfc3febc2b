package org.tributary.source.live.internal.playlist;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.LiveSource;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.api.MediaSample;
import org.tributary.api.MountRegistry;
import org.tributary.api.Publication;
import org.tributary.rtp.RtpClock;
import org.tributary.rtp.RtpTrack;
import org.tributary.rtp.SdpOrigin;
import org.tributary.rtp.SdpWriter;

/**
 * Plays the items of a playlist one after another as one broadcast: published once with the first
 * item's SDP, then every sample sent when its decoding time comes, on a programme clock that runs
 * on from item to item. Items whose tracks differ from the first one's are skipped.
 *
 * <p>Driven by {@link #tick()}: each call sends what is due and says when to call again, so one
 * scheduled thread (or a test) runs it without a busy loop.
 */
final class PlaylistPlayer {

    /** What {@link #tick()} returns when the broadcast is over. */
    static final long DONE = -1;
    /** How long to wait before trying again when nothing can be played or the path is busy. */
    static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Samples due this soon are sent now, so timer slack never starves a viewer. */
    static final long LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** A new item later than this starts where the clock is, rather than sending a burst to catch up. */
    static final long MAX_LATE_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** After the last item, the publication closes once its media has played out, plus this. */
    static final long END_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    static final String PUBLISHER = "playlist";

    private static final Logger LOG = LoggerFactory.getLogger(PlaylistPlayer.class);

    private final String path;
    private final Playlist playlist;
    private final MountRegistry mounts;
    private final LiveSource live;
    private final LongSupplier nanoClock;
    private final Random random;
    private final ItemSkips skips;
    private Publication publication;
    private List<TrackFormat> programme;
    private ProgrammeSenders senders;
    private PlaylistItem current;
    private MediaSample pending;
    /** The clock reading at programme time zero. */
    private long startNanos;
    /** Programme time at which the current item started: the length of the items played before. */
    private long itemOffsetNanos;
    /** End of the latest sample sent of the current item, from the item's start. */
    private long itemLengthNanos;
    private boolean itemSent;
    /** Items in a row that could not be played; a whole list of them means waiting before trying again. */
    private int failures;
    private long closeAtNanos = -1;
    private boolean stopped;

    /**
     * @param path      the broadcast path below the live mount
     * @param playlist  the order of the items
     * @param mounts    where the items are opened
     * @param live      where the broadcast is published
     * @param nanoClock monotonic time in nanoseconds
     * @param random    draws SSRCs, first sequence numbers and timestamp bases
     */
    PlaylistPlayer(String path, Playlist playlist, MountRegistry mounts, LiveSource live, LongSupplier nanoClock,
                   Random random) {
        this.path = path;
        this.playlist = playlist;
        this.mounts = mounts;
        this.live = live;
        this.nanoClock = nanoClock;
        this.random = random;
        this.skips = new ItemSkips(path);
    }

    /**
     * Publishes on the first call, then sends every sample that is due.
     *
     * @return nanoseconds until the next call is due, or {@link #DONE}
     */
    synchronized long tick() {
        if (stopped) {
            return DONE;
        }
        long now = nanoClock.getAsLong();
        if (closeAtNanos >= 0) {
            return closing(now);
        }
        if (publication == null) {
            return start(now);
        }
        return pump(now);
    }

    /** Ends the broadcast: viewers get a clean end; later ticks do nothing. Idempotent. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        closeItem();
        if (publication != null) {
            publication.close();
        }
    }

    /** @return whether it plays or is about to: false once stopped or played to its end */
    synchronized boolean running() {
        return !stopped;
    }

    /**
     * Ends the current item now and opens the next one, so the status shows it at once; the next tick
     * sends it, without a gap in the programme's clock or a repeated timestamp.
     *
     * @return the item skipped, or null when none was playing
     */
    synchronized String skip() {
        if (stopped || publication == null || current == null) {
            return null;
        }
        String skipped = current.path();
        long now = nanoClock.getAsLong();
        itemLengthNanos = Math.max(itemLengthNanos, now - startNanos - itemOffsetNanos);
        itemSent = true;
        endItem();
        LOG.info("playlist {}: skipped {}", path, skipped);
        // when none can be played, the next tick finds the list done or failed, as after an item's end
        beginItem(now);
        return skipped;
    }

    /** @return what is playing now */
    synchronized PlaylistStatus status() {
        if (current == null) {
            return new PlaylistStatus(path, null, stopped || closeAtNanos >= 0 ? null : playlist.peek(), 0);
        }
        long played = publication == null ? 0 : nanoClock.getAsLong() - startNanos - itemOffsetNanos;
        return new PlaylistStatus(path, current.path(), playlist.peek(), Math.max(0, played) / 1e9);
    }

    private long start(long now) {
        if (current == null) {
            current = openNext();
            if (current == null) {
                return nothingPlayable("start");
            }
        }
        List<RtpTrack> tracks = current.tracks();
        String sdp = SdpWriter.write(new SdpOrigin(Instant.now().getEpochSecond(), 1, "127.0.0.1"),
                "playlist " + path, Double.NaN, tracks);
        try {
            publication = live.publish(path, sdp, PUBLISHER);
        } catch (MediaException e) {
            if (e.reason() != Reason.BUSY) {
                LOG.error("playlist {}: cannot publish: {}", path, e.getMessage());
                stop();
                return DONE;
            }
            LOG.warn("playlist {}: {}; trying again in {} s", path, e.getMessage(), toSeconds(RETRY_NANOS));
            return RETRY_NANOS;
        }
        programme = TrackFormat.of(tracks);
        senders = new ProgrammeSenders(tracks, random, publication);
        startNanos = now;
        LOG.info("playlist {}: broadcasting, starting with {}", path, current.path());
        return pump(now);
    }

    private long pump(long now) {
        senders.report(now, now - startNanos);
        while (true) {
            if (current == null && !beginItem(now)) {
                return nothingPlayable("continue");
            }
            if (pending == null) {
                pending = read();
            }
            if (pending == null) {
                endItem();
                continue;
            }
            int index = current.index(pending);
            if (index < 0) {
                pending = null;
                continue;
            }
            RtpTrack track = current.tracks().get(index);
            long due = startNanos + itemOffsetNanos + nanos(pending.decodeTime(), track);
            if (due > now + LEAD_NANOS) {
                return due - now - LEAD_NANOS / 2;
            }
            send(index, track);
            pending = null;
        }
    }

    /** Either the list is done (close once played out) or every item failed (try again later). */
    private long nothingPlayable(String step) {
        if (playlist.peek() == null) {
            if (publication == null) {
                LOG.error("playlist {}: no item could be played", path);
                stop();
                return DONE;
            }
            LOG.info("playlist {}: last item played", path);
            closeAtNanos = startNanos + itemOffsetNanos + END_GRACE_NANOS;
            return closing(nanoClock.getAsLong());
        }
        LOG.error("playlist {}: none of the {} item(s) could be played ({}); trying again in {} s", path,
                playlist.size(), step, toSeconds(RETRY_NANOS));
        failures = 0;
        return RETRY_NANOS;
    }

    private long closing(long now) {
        if (now < closeAtNanos) {
            return closeAtNanos - now;
        }
        stop();
        return DONE;
    }

    private boolean beginItem(long now) {
        current = openNext();
        if (current == null) {
            return false;
        }
        long late = now - startNanos - itemOffsetNanos;
        if (late > MAX_LATE_NANOS) {
            itemOffsetNanos += late;
        }
        LOG.info("playlist {}: playing {}", path, current.path());
        return true;
    }

    /** @return the next item that opens and matches the broadcast, or null when the list is done or failed through */
    private PlaylistItem openNext() {
        while (failures < playlist.size()) {
            String next = playlist.next();
            if (next == null) {
                return null;
            }
            try {
                PlaylistItem item = PlaylistItem.open(mounts, next);
                List<TrackFormat> formats = TrackFormat.of(item.tracks());
                if (programme == null || programme.equals(formats)) {
                    itemLengthNanos = 0;
                    itemSent = false;
                    return item;
                }
                item.close();
                skips.skipped(next, TrackFormat.difference(formats, programme));
            } catch (MediaException e) {
                skips.skipped(next, e.getMessage());
            }
            failures++;
        }
        return null;
    }

    private MediaSample read() {
        try {
            return current.next();
        } catch (MediaException e) {
            LOG.warn("playlist {}: {} ends early at {} s: {}", path, current.path(), toSeconds(itemLengthNanos),
                    e.getMessage());
            return null;
        }
    }

    private void send(int index, RtpTrack track) {
        try {
            senders.send(index, pending, track, itemOffsetNanos);
        } catch (MediaException e) {
            LOG.warn("playlist {}: {}: dropped a sample of track {}: {}", path, current.path(), pending.trackId(),
                    e.getMessage());
            return;
        }
        itemLengthNanos = Math.max(itemLengthNanos, nanos(pending.decodeTime() + pending.duration(), track));
        itemSent = true;
        failures = 0;
    }

    private void endItem() {
        if (itemSent) {
            skips.played(current.path());
        } else {
            skips.skipped(current.path(), "it had no sample to play");
            failures++;
        }
        closeItem();
        itemOffsetNanos += itemLengthNanos;
    }

    private void closeItem() {
        if (current != null) {
            current.close();
            current = null;
        }
        pending = null;
    }

    private static long nanos(long trackTime, RtpTrack track) {
        return RtpClock.convert(trackTime, track.track().timescale(), TrackSender.NANOS_PER_SECOND);
    }

    private static long toSeconds(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(nanos);
    }
}
