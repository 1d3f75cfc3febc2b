package org.tributary.source.file.internal.mp4;

import java.io.IOException;
import java.nio.channels.FileChannel;

import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.api.MediaKind;
import org.tributary.api.MediaReader;
import org.tributary.api.MediaSample;

/**
 * Reads the samples of all tracks of an indexed movie merged in decoding-time order, one
 * positional read per sample, through its own file channel. A sample's bytes are read into a
 * buffer the reader reuses: they stay valid until the next {@link #next()}, {@link #seek} or
 * {@link #close()}, as {@link MediaReader#next()} allows.
 */
final class Mp4Reader implements MediaReader {

    private final MovieIndex index;
    private final FileChannel channel;
    private final String name;
    private final TrackCursor[] cursors;
    private final SampleBuffer bytes = new SampleBuffer();
    private final SampleBuffer rewritten = new SampleBuffer();

    /**
     * @param index   the movie
     * @param channel an open channel on the movie's file; closed by {@link #close()}
     * @param name    the presentation name for messages
     */
    Mp4Reader(MovieIndex index, FileChannel channel, String name) {
        this.index = index;
        this.channel = channel;
        this.name = name;
        this.cursors = index.tracks().stream().map(TrackCursor::new).toArray(TrackCursor[]::new);
    }

    /**
     * Moves the first video track (or the first track when there is no video) to the last key frame
     * presented at or before {@code seconds}, and every other track to the sample playing when that
     * key frame is presented, so that they start in sync. Positions are presentation times (after
     * the edit lists). When that key frame is presented at 0 or earlier, or there is none, every track
     * goes back to its first sample, as a fresh reader: the samples presented before 0 (audio
     * priming, frames the first picture depends on) must still reach the decoder.
     */
    @Override
    public double seek(double seconds) throws MediaException {
        if (!(seconds >= 0 && seconds <= index.duration())) {
            throw new MediaException(Reason.OUT_OF_RANGE, name + ": position " + seconds
                    + " s is outside 0.." + index.duration() + " s");
        }
        TrackCursor reference = referenceTrack();
        SampleTable table = reference.samples();
        int keyFrame = table.lastSyncPresentedBy(ticks(seconds, reference));
        double reached = keyFrame < 0 ? 0
                : Math.max(0, table.presentationTime(keyFrame) / (double) reference.timescale());
        for (TrackCursor cursor : cursors) {
            if (reached == 0) {
                cursor.moveTo(0);
            } else {
                cursor.moveTo(cursor == reference ? keyFrame : sampleAt(cursor, reached));
            }
        }
        return reached;
    }

    private TrackCursor referenceTrack() {
        for (TrackCursor cursor : cursors) {
            if (cursor.kind() == MediaKind.VIDEO) {
                return cursor;
            }
        }
        return cursors[0];
    }

    private static long ticks(double seconds, TrackCursor cursor) {
        return (long) Math.floor(seconds * cursor.timescale());
    }

    /** @return the sample of that track playing at {@code seconds}, or its count when it has ended */
    private static int sampleAt(TrackCursor cursor, double seconds) {
        SampleTable table = cursor.samples();
        long time = ticks(seconds, cursor);
        if (time >= table.endTime()) {
            return table.count();
        }
        // video starts on a key frame; audio samples are presented when they are decoded
        int sample = cursor.kind() == MediaKind.VIDEO ? table.lastSyncPresentedBy(time) : table.sampleAt(time);
        return Math.max(0, sample);
    }

    @Override
    public MediaSample next() throws MediaException {
        TrackCursor earliest = null;
        for (TrackCursor cursor : cursors) {
            if (cursor.hasNext() && (earliest == null || cursor.decodesBefore(earliest))) {
                earliest = cursor;
            }
        }
        return earliest == null ? null : earliest.read(channel, name, bytes, rewritten);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing useful to do: the reader is finished either way
        }
    }
}
