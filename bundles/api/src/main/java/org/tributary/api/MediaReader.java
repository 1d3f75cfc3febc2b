package org.tributary.api;

import java.io.Closeable;

/**
 * A cursor over the samples of one presentation, owned by one consumer (one playing session).
 * Not thread-safe: a consumer reads from one thread at a time.
 */
public interface MediaReader extends Closeable {

    /**
     * Moves every track to the key frame at or before {@code seconds}.
     *
     * @param seconds position from the start of the presentation
     * @return the position actually reached, in seconds (at or before the one asked for)
     * @throws MediaException when the position is outside the presentation or the file cannot be read
     */
    double seek(double seconds) throws MediaException;

    /**
     * Returns the next sample of all tracks in decoding-time order.
     * <p>
     * The sample's {@link MediaSample#data() data} may be a view of a buffer the reader reuses, so
     * that a session playing a file allocates no buffer per sample: its bytes stay valid until the
     * next call to {@link #next()}, {@link #seek(double)} or {@link #close()} of this reader. A
     * consumer that needs them longer copies them.
     *
     * @return the sample, or null at the end of the presentation
     * @throws MediaException when the file cannot be read or is corrupt at this point
     */
    MediaSample next() throws MediaException;

    /** Releases the file handles; never throws. */
    @Override
    void close();
}
