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
 * positional read per sample, through its own file channel.
 */
final class Mp4Reader implements MediaReader {

    private final MovieIndex index;
    private final FileChannel channel;
    private final String name;
    private final TrackCursor[] cursors;

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
     * Moves the first video track (or the first track when there is no video) to the key frame at
     * or before {@code seconds}, and every other track to the sample playing at that key frame's
     * decoding time, so that they start in sync.
     */
    @Override
    public double seek(double seconds) throws MediaException {
        if (!(seconds >= 0 && seconds <= index.duration())) {
            throw new MediaException(Reason.OUT_OF_RANGE, name + ": position " + seconds
                    + " s is outside 0.." + index.duration() + " s");
        }
        TrackCursor reference = referenceTrack();
        SampleTable table = reference.samples();
        int playing = table.sampleAt((long) Math.floor(seconds * reference.timescale()));
        int keyFrame = table.syncAtOrBefore(Math.max(0, playing));
        double reached = table.decodeTime(keyFrame) / (double) reference.timescale();
        for (TrackCursor cursor : cursors) {
            cursor.moveTo(cursor == reference ? keyFrame : sampleAt(cursor, reached));
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

    /** @return the sample of that track playing at {@code seconds}, or its count when it has ended */
    private static int sampleAt(TrackCursor cursor, double seconds) {
        SampleTable table = cursor.samples();
        long time = (long) Math.floor(seconds * cursor.timescale());
        if (time >= table.endTime()) {
            return table.count();
        }
        int sample = Math.max(0, table.sampleAt(time));
        return cursor.kind() == MediaKind.VIDEO ? table.syncAtOrBefore(sample) : sample;
    }

    @Override
    public MediaSample next() throws MediaException {
        TrackCursor earliest = null;
        for (TrackCursor cursor : cursors) {
            if (cursor.hasNext() && (earliest == null || cursor.decodesBefore(earliest))) {
                earliest = cursor;
            }
        }
        return earliest == null ? null : earliest.read(channel, name);
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
