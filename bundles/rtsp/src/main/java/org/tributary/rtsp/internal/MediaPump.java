package org.tributary.rtsp.internal;

import java.util.Collection;
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
 * {@code decodeTime - origin} after the PLAY started. Runs on one event loop, woken by the loop's
 * {@link PacingWheel}; each wake-up sends what is due (plus a small lead so timer slack never
 * starves a client) and asks to be woken for the next sample, and the wheel flushes once every
 * session due in the same tick has written. The reader's position is the play position, so PAUSE
 * and PLAY resume exactly where the media stopped.
 * <p>
 * The pending sample's bytes may live in the reader's reusable buffer: the pump reads the next
 * sample only once the pending one is sent (or dropped by a seek), as {@link MediaReader#next()}
 * requires.
 */
final class MediaPump extends PacingWheel.Paced {

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
    private final PacingWheel wheel;
    private final MediaReader reader;
    /** The presentation's track ids; a track's timescale and output are at the same index. */
    private final int[] trackIds;
    private final double[] timescales;
    private final Map<Integer, TrackOutput> outputs;
    /** The outputs by track index, refreshed when a track is set up; read on the loop only. */
    private final TrackOutput[] outputByTrack;
    private MediaTransport[] transports = new MediaTransport[0];
    private int outputsSeen = -1;
    private final Object lock;
    private final Listener listener;
    private MediaSample pending;
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
        this.wheel = PacingWheel.of(loop);
        this.reader = reader;
        Collection<TrackInfo> infos = tracks.values();
        this.trackIds = infos.stream().mapToInt(TrackInfo::id).toArray();
        this.timescales = infos.stream().mapToDouble(TrackInfo::timescale).toArray();
        this.outputs = outputs;
        this.outputByTrack = new TrackOutput[trackIds.length];
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
        wheel.schedule(this, startNanos);
    }

    /** Stops sending; the position stays where the media stopped. */
    void stop() {
        // a wake-up still waited for finds the pump stopped and does nothing
        running = false;
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

    /** @return the index of the sample's track in {@link #trackIds} */
    private int track(MediaSample sample) throws MediaException {
        int id = sample.trackId();
        for (int i = 0; i < trackIds.length; i++) {
            if (trackIds[i] == id) {
                return i;
            }
        }
        throw new MediaException(MediaException.Reason.CORRUPT, "a sample of track " + id
                + ", which the presentation does not have");
    }

    private double seconds(MediaSample sample) throws MediaException {
        return sample.decodeTime() / timescales[track(sample)];
    }

    /** @return the {@link System#nanoTime()} at which the media time {@code seconds} is due */
    private long dueNanos(double seconds) {
        return startNanos + (long) ((seconds - origin) * 1e9);
    }

    @Override
    void wake() {
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
        refreshOutputs();
        // a sender report before the first packets lets clients align the tracks from the first frame
        report(now);
        while (true) {
            if (pending == null) {
                pending = reader.next();
            }
            if (pending == null) {
                finish();
                return;
            }
            int track = track(pending);
            double seconds = pending.decodeTime() / timescales[track];
            if (seconds >= end) {
                finish();
                return;
            }
            long due = dueNanos(seconds);
            if (due > now + LEAD_NANOS) {
                wheel.schedule(this, due - LEAD_NANOS / 2);
                return;
            }
            TrackOutput output = outputByTrack[track];
            if (output != null) {
                output.send(pending);
                sentUntil = Math.max(sentUntil, (pending.decodeTime() + pending.duration()) / timescales[track]);
            }
            pending = null;
        }
    }

    /**
     * Stops sending and schedules the BYE for when the sent media has played out, plus the grace;
     * the wheel flushes what was sent once this wake-up returns.
     */
    private void finish() {
        stop();
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

    /** Takes the tracks set up since the last wake-up (SETUP may add one while playing); under the lock. */
    private void refreshOutputs() {
        if (outputs.size() == outputsSeen) {
            return;
        }
        outputsSeen = outputs.size();
        for (int i = 0; i < trackIds.length; i++) {
            outputByTrack[i] = outputs.get(trackIds[i]);
        }
        transports = outputs.values().stream().map(TrackOutput::transport).toArray(MediaTransport[]::new);
    }

    @Override
    void flush() {
        // the array is replaced, never changed, and only on this loop
        for (MediaTransport transport : transports) {
            transport.flush();
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
