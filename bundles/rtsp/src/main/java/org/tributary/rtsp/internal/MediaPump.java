package org.tributary.rtsp.internal;

import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.MediaException;
import org.tributary.api.MediaReader;
import org.tributary.api.MediaSample;
import org.tributary.api.TrackInfo;

/**
 * Sends a session's samples at the pace of their decoding times: a sample is due
 * {@code decodeTime - origin} after the PLAY started. Runs on one event loop; each tick sends what
 * is due (plus a small lead so timer slack never starves a client) and schedules itself for the
 * next sample. The reader's position is the play position, so PAUSE and PLAY resume exactly where
 * the media stopped.
 */
final class MediaPump {

    private static final Logger LOG = LoggerFactory.getLogger(MediaPump.class);
    private static final long LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long REPORT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);
    /**
     * How long after the sent media has played out (on the sender's clock) the RTCP BYE goes.
     * RTP and RTCP travel on different ports, and some receivers end the stream as soon as every
     * track said BYE, dropping what they have not read yet: FFmpeg reads a stream's RTCP port
     * before its RTP port, and holds packets behind a lost one for up to 100 ms. The BYE must
     * reach them only once the last packets have been read and released.
     */
    private static final long BYE_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** What the pump tells its session. */
    interface Listener {
        /**
         * The media ended (or reached the PLAY range end, or failed) and what was sent has played
         * out: time to say BYE. Called on the pump's loop, under the lock.
         */
        void ended();

        /** The media could not be read any more; {@link #ended()} follows once the sent media played out. */
        void failed(MediaException cause);
    }

    private final EventLoop loop;
    private final MediaReader reader;
    private final Map<Integer, TrackInfo> tracks;
    private final Map<Integer, TrackOutput> outputs;
    private final Object lock;
    private final Listener listener;
    private MediaSample pending;
    private ScheduledFuture<?> next;
    private ScheduledFuture<?> ending;
    private long startNanos;
    private double origin;
    private double end = Double.POSITIVE_INFINITY;
    /** Media time at which the samples sent since the PLAY finish playing. */
    private double sentUntil;
    private long lastReportNanos;
    private boolean running;

    MediaPump(EventLoop loop, MediaReader reader, Map<Integer, TrackInfo> tracks, Map<Integer, TrackOutput> outputs,
              Object lock, Listener listener) {
        this.loop = loop;
        this.reader = reader;
        this.tracks = tracks;
        this.outputs = outputs;
        this.lock = lock;
        this.listener = listener;
    }

    /**
     * Moves the read position to the key frame at or before {@code seconds}.
     *
     * @return the position reached
     */
    double seek(double seconds) throws MediaException {
        pending = null;
        origin = reader.seek(seconds);
        return origin;
    }

    /** @return the media position the next sample plays at: where a resumed PLAY starts */
    double position() throws MediaException {
        if (pending == null) {
            pending = reader.next();
        }
        return pending == null ? origin : Math.max(origin, seconds(pending));
    }

    /** Starts sending from the current position until {@code endSeconds} (infinity for the whole media). */
    void start(double endSeconds) throws MediaException {
        origin = position();
        sentUntil = origin;
        end = endSeconds;
        startNanos = System.nanoTime();
        lastReportNanos = 0;
        running = true;
        schedule(0);
    }

    /** Stops sending; the position stays where the media stopped. */
    void stop() {
        running = false;
        if (next != null) {
            next.cancel(false);
            next = null;
        }
        if (ending != null) {
            ending.cancel(false);
            ending = null;
        }
    }

    boolean running() {
        return running;
    }

    /**
     * @return the media time the sender's clock shows now (it keeps running past the end of the
     *         media), for sender reports: RFC 3550 section 6.4.1 wants their RTP timestamp to be
     *         the same instant as their NTP timestamp
     */
    ReportInstant clock() {
        long now = System.nanoTime();
        return ReportInstant.at(now, mediaTime(now));
    }

    private void schedule(long delayNanos) {
        next = loop.schedule(this::tick, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    private double seconds(MediaSample sample) {
        return (double) sample.decodeTime() / tracks.get(sample.trackId()).timescale();
    }

    private double endSeconds(MediaSample sample) {
        return (double) (sample.decodeTime() + sample.duration()) / tracks.get(sample.trackId()).timescale();
    }

    /** @return the {@link System#nanoTime()} at which the media time {@code seconds} is due */
    private long dueNanos(double seconds) {
        return startNanos + (long) ((seconds - origin) * 1e9);
    }

    private void tick() {
        synchronized (lock) {
            if (!running) {
                return;
            }
            try {
                pump();
            } catch (MediaException e) {
                finish();
                listener.failed(e);
            } catch (RuntimeException e) {
                finish();
                LOG.error("Streaming stopped by an unexpected error", e);
                listener.failed(new MediaException(MediaException.Reason.CORRUPT, e.toString(), e));
            }
        }
    }

    private void pump() throws MediaException {
        long now = System.nanoTime();
        // a sender report before the first packets lets clients align the tracks from the first frame
        report(now);
        while (true) {
            if (pending == null) {
                pending = reader.next();
            }
            if (pending == null || seconds(pending) >= end) {
                finish();
                return;
            }
            long due = dueNanos(seconds(pending));
            if (due > now + LEAD_NANOS) {
                flush();
                schedule(due - now - LEAD_NANOS / 2);
                return;
            }
            TrackOutput output = outputs.get(pending.trackId());
            if (output != null) {
                output.send(pending);
                sentUntil = Math.max(sentUntil, endSeconds(pending));
            }
            pending = null;
        }
    }

    /** Stops sending and schedules the BYE for when the sent media has played out, plus the grace. */
    private void finish() {
        stop();
        flush();
        long delay = dueNanos(sentUntil) + BYE_GRACE_NANOS - System.nanoTime();
        ending = loop.schedule(this::end, Math.max(0, delay), TimeUnit.NANOSECONDS);
    }

    private void end() {
        synchronized (lock) {
            if (ending != null && !running) {
                ending = null;
                listener.ended();
            }
        }
    }

    private double mediaTime(long nanos) {
        return origin + (nanos - startNanos) / 1e9;
    }

    private void flush() {
        for (TrackOutput output : outputs.values()) {
            output.transport().flush();
        }
    }

    private void report(long now) {
        if (lastReportNanos == 0 || now - lastReportNanos >= REPORT_INTERVAL_NANOS) {
            lastReportNanos = now;
            ReportInstant instant = ReportInstant.at(now, mediaTime(now));
            for (TrackOutput output : outputs.values()) {
                output.sendReport(instant);
            }
        }
    }
}
