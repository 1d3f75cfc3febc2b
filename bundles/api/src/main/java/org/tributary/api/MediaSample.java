package org.tributary.api;

import java.nio.ByteBuffer;

/**
 * One access unit (a picture, a block of audio) of one track.
 *
 * @param trackId           the {@link TrackInfo#id()} it belongs to
 * @param decodeTime        decoding time in track timescale units, from the start of the presentation; may be
 *                          negative for samples a decoder needs before the first one shown (edit lists, priming)
 * @param compositionOffset presentation time minus decoding time, in track timescale units
 * @param duration          duration in track timescale units
 * @param keyFrame          true when decoding can start at this sample
 * @param data              the sample bytes, laid out as {@link Codec} describes; read-only for consumers; from a
 *                          {@link MediaReader}, valid only until its next call (see {@link MediaReader#next()})
 */
public record MediaSample(int trackId, long decodeTime, int compositionOffset, int duration, boolean keyFrame,
                          ByteBuffer data) {

    /** @return the presentation time in track timescale units */
    public long presentationTime() {
        return decodeTime + compositionOffset;
    }
}
