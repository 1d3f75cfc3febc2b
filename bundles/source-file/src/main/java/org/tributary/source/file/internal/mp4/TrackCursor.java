package org.tributary.source.file.internal.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.api.MediaKind;
import org.tributary.api.MediaSample;

/**
 * The read position in one track: the next sample, its chunk and its file offset. Reading forward
 * moves the offset along the chunk, so sequential reads cost no search.
 */
final class TrackCursor {

    private final MovieTrack track;
    private final SampleTable samples;
    private int sample;
    private int chunk;
    private long offset;

    TrackCursor(MovieTrack track) {
        this.track = track;
        this.samples = track.samples();
        moveTo(0);
    }

    MediaKind kind() {
        return track.info().kind();
    }

    int timescale() {
        return track.info().timescale();
    }

    SampleTable samples() {
        return samples;
    }

    boolean hasNext() {
        return sample < samples.count();
    }

    /** @return the decoding time of the next sample; only when {@link #hasNext()} */
    long decodeTime() {
        return samples.decodeTime(sample);
    }

    /** Positions the cursor on {@code target}, or past the end when it equals the sample count. */
    void moveTo(int target) {
        sample = target;
        if (target < samples.count()) {
            chunk = samples.chunkOf(target);
            offset = samples.offsetOf(target);
        }
    }

    /** @return true when this cursor's next sample decodes strictly before the other's */
    boolean decodesBefore(TrackCursor other) {
        // a/b < c/d  <=>  a*d < c*b, in 128 bits so that long times cannot overflow
        long thisTime = decodeTime();
        long otherTime = other.decodeTime();
        long leftHigh = Math.multiplyHigh(thisTime, other.timescale());
        long rightHigh = Math.multiplyHigh(otherTime, timescale());
        if (leftHigh != rightHigh) {
            return leftHigh < rightHigh;
        }
        return Long.compareUnsigned(thisTime * other.timescale(), otherTime * timescale()) < 0;
    }

    /**
     * Reads the next sample with one positional read and advances. The sample's bytes are in a
     * buffer taken from {@code bytes} (or from {@code rewritten}), valid until the next read.
     *
     * @param name the presentation name for messages
     */
    MediaSample read(FileChannel channel, String name, SampleBuffer bytes, SampleBuffer rewritten)
            throws MediaException {
        int size = samples.size(sample);
        ByteBuffer data = bytes.take(size);
        try {
            if (!PositionalReads.readFully(channel, data, offset)) {
                throw new MediaException(Reason.CORRUPT, name + " ends inside sample " + (sample + 1) + " of track "
                        + track.info().id() + " (file truncated?)");
            }
        } catch (IOException e) {
            throw new MediaException(Reason.CORRUPT, name + " cannot be read: " + e, e);
        }
        data.flip();
        if (track.needsNalRewrite()) {
            try {
                data = NalLengthRewriter.toFourByteLengths(data, track.nalLengthSize(), rewritten);
            } catch (Mp4FormatException e) {
                throw new MediaException(Reason.CORRUPT, name + ": sample " + (sample + 1) + " of track "
                        + track.info().id() + ": " + e.getMessage(), e);
            }
        }
        MediaSample result = new MediaSample(track.info().id(), samples.decodeTime(sample),
                samples.compositionOffset(sample), samples.duration(sample), samples.isSync(sample), data);
        advance(size);
        return result;
    }

    private void advance(int size) {
        sample++;
        if (samples.startsChunkAfter(chunk, sample)) {
            chunk++;
            offset = samples.chunkOffset(chunk);
        } else {
            offset += size;
        }
    }
}
