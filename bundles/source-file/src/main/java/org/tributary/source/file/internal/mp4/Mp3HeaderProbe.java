package org.tributary.source.file.internal.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import org.tributary.api.Codec;
import org.tributary.api.TrackInfo;

/**
 * Takes an MP3 track's channel count and sampling rate from the header of its first frame: MP4
 * writers store a fixed channel count of 2 in the sample entry whatever the stream has.
 */
final class Mp3HeaderProbe {

    private static final int[][] RATES = {
        {11025, 12000, 8000}, // MPEG 2.5
        {0, 0, 0},            // reserved
        {22050, 24000, 16000}, // MPEG 2
        {44100, 48000, 32000}}; // MPEG 1
    private static final int MONO = 3;

    private Mp3HeaderProbe() {
    }

    /** @return the track with channels and rate from its first frame header, or unchanged when it has none */
    static MovieTrack refine(MovieTrack track, FileChannel channel) throws IOException {
        TrackInfo info = track.info();
        SampleTable samples = track.samples();
        if (info.codec() != Codec.MP3 || samples.size(0) < 4) {
            return track;
        }
        ByteBuffer header = ByteBuffer.allocate(4);
        if (!PositionalReads.readFully(channel, header, samples.offsetOf(0))) {
            return track;
        }
        int word = header.flip().getInt();
        int version = (word >>> 19) & 3;
        int rateIndex = (word >>> 10) & 3;
        if ((word >>> 21) != 0x7FF || rateIndex == 3 || RATES[version][rateIndex] == 0) {
            return track;
        }
        int channels = ((word >>> 6) & 3) == MONO ? 1 : 2;
        TrackInfo refined = new TrackInfo(info.id(), info.kind(), info.codec(), info.timescale(),
                RATES[version][rateIndex], channels, 0, 0, info.bitrate(), info.codecConfig());
        return new MovieTrack(refined, samples, track.nalLengthSize(), track.durationSeconds());
    }
}
