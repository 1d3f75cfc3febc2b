package org.tributary.source.file.internal.mp4;

import org.tributary.api.TrackInfo;

/**
 * One playable track of an indexed movie.
 *
 * @param info            what the track is, as consumers see it
 * @param samples         where its samples are
 * @param nalLengthSize   NAL length prefix size in the file (1..4) for H.264/H.265, 0 otherwise
 * @param durationSeconds its length as presented, after its edit list
 */
record MovieTrack(TrackInfo info, SampleTable samples, int nalLengthSize, double durationSeconds) {

    /** @return true when samples must be rewritten to 4-byte NAL lengths on the way out */
    boolean needsNalRewrite() {
        return nalLengthSize != 0 && nalLengthSize != 4;
    }
}
