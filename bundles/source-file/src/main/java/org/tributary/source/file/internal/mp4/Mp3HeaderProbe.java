package org.tributary.source.file.internal.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import org.tributary.api.Codec;
import org.tributary.api.TrackInfo;
import org.tributary.rtp.mpa.Mp3FrameHeader;

/**
 * Takes an MP3 track's channel count and sampling rate from the header of its first frame: MP4
 * writers store a fixed channel count of 2 in the sample entry whatever the stream has.
 */
final class Mp3HeaderProbe {

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
        Mp3FrameHeader frame = Mp3FrameHeader.parse(header.flip().getInt());
        if (frame == null) {
            return track;
        }
        TrackInfo refined = new TrackInfo(info.id(), info.kind(), info.codec(), info.timescale(),
                frame.sampleRate(), frame.channels(), 0, 0, info.bitrate(), info.codecConfig());
        return new MovieTrack(refined, samples, track.nalLengthSize(), track.durationSeconds());
    }
}
