package org.tributary.mp3.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.security.RefusalLog;

/**
 * A playlist station's audio: the frames of one file after another, appended to the station in chunks of
 * about {@link SourceFeed#CHUNK_MICROS}, paced in real time by the frames' durations. Each {@link #tick}
 * writes what is due by the clock since the start (one chunk ahead) and says when the next is due, so the
 * pace never drifts however late a tick runs. Each file's ID3 title becomes the station's title when its
 * first frames go out. Files that cannot be opened, are not MP3, hold no frame, or have another sample rate
 * than the first file played are skipped with a rate-limited log line; the station ends when the playlist
 * does, or when a whole pass found nothing to play. Ticks run on one thread; {@link #stop} may come from any.
 */
final class PlaylistFeed implements StationSource {

    /** What {@link #tick} returns once the feed ended. */
    static final long DONE = -1;

    private static final Logger LOG = LoggerFactory.getLogger(PlaylistFeed.class);

    private final String name;
    private final String mount;
    private final PlaylistOrder order;
    private final SourceFeed.Ending ending;
    private final LongSupplier nanoClock;
    private final RefusalLog skipLog;
    private final FrameScanner.Frames frames = new FrameScanner.Frames();
    private final Instant started = Instant.now();
    private Station station;
    private long startNanos;
    private long producedMicros;
    private Mp3FileReader reader;
    private Path file;
    private String title;
    private boolean playing;
    private int sampleRate;
    private int failures;
    private boolean finished;

    PlaylistFeed(String name, String mount, PlaylistOrder order, SourceFeed.Ending ending, LongSupplier nanoClock,
                 RefusalLog skipLog) {
        this.name = name;
        this.mount = mount;
        this.order = order;
        this.ending = ending;
        this.nanoClock = nanoClock;
        this.skipLog = skipLog;
    }

    /** Starts feeding a station: the clock starts now. */
    synchronized void start(Station target) {
        this.station = target;
        this.startNanos = nanoClock.getAsLong();
    }

    /**
     * Appends the audio due by now.
     *
     * @return nanoseconds until the next tick is due, or {@link #DONE}
     */
    synchronized long tick() {
        long elapsedMicros = (nanoClock.getAsLong() - startNanos) / 1000;
        while (!finished && producedMicros < elapsedMicros + SourceFeed.CHUNK_MICROS) {
            if (!produce()) {
                stop("the playlist has no more files to play");
            }
        }
        if (finished) {
            closeFile();
            return DONE;
        }
        return Math.max(0, (producedMicros - SourceFeed.CHUNK_MICROS) * 1000 - (nanoClock.getAsLong() - startNanos));
    }

    /** @return microseconds of audio appended so far */
    synchronized long producedMicros() {
        return producedMicros;
    }

    /** Appends one chunk; @return false when there is nothing left to play */
    private boolean produce() {
        while (reader != null || openNext()) {
            try {
                boolean more = reader.read(frames, SourceFeed.CHUNK_MICROS);
                if (frames.count() > 0 && (playing || accepts())) {
                    station.append(frames);
                    producedMicros += frames.micros();
                    frames.clear();
                    if (!more) {
                        closeFile();
                    }
                    return true;
                }
                if (!more && !playing) {
                    skip("it holds no MP3 frame");
                } else if (!more) {
                    closeFile();
                }
            } catch (IOException e) {
                skip(e.getMessage());
            }
        }
        return false;
    }

    /** @return whether the first frames of a file may go out; when they can, the file's title goes on air */
    private boolean accepts() {
        int rate = frames.header().sampleRate();
        if (sampleRate != 0 && rate != sampleRate) {
            skip("it has " + rate + " Hz, the station plays " + sampleRate + " Hz");
            return false;
        }
        sampleRate = rate;
        playing = true;
        failures = 0;
        station.title(title);
        return true;
    }

    private boolean openNext() {
        while (failures < Math.max(1, order.passSize())) {
            Path next = order.next();
            if (next == null) {
                return false;
            }
            file = next;
            try {
                reader = new Mp3FileReader(next);
                title = reader.tags().streamTitle(next.getFileName().toString());
                playing = false;
                return true;
            } catch (IOException | RuntimeException e) {
                skip("it cannot be read (" + e.getMessage() + ")");
            }
        }
        LOG.warn("MP3 playlist {} for {}: none of its {} files could be played", name, mount, order.passSize());
        return false;
    }

    private void skip(String reason) {
        failures++;
        frames.clear();
        closeFile();
        skipLog.warn(String.valueOf(file), "MP3 playlist {} for {} skips {}: {}", name, mount, file, reason);
    }

    private void closeFile() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                LOG.debug("closing {} failed", file, e);
            }
            reader = null;
        }
    }

    @Override
    public String address() {
        return "playlist:" + name;
    }

    @Override
    public Instant started() {
        return started;
    }

    /** Ends the feed; its station goes off the air (or its listeners to its fallback). */
    @Override
    public synchronized void stop(String reason) {
        if (finished) {
            return;
        }
        finished = true;
        closeFile();
        LOG.info("MP3 playlist {} for {} ended: {}", name, mount, reason);
        ending.ended(this);
    }
}
