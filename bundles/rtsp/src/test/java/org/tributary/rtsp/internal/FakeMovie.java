package org.tributary.rtsp.internal;

import java.nio.ByteBuffer;
import java.util.List;

import org.tributary.api.Codec;
import org.tributary.api.MediaException;
import org.tributary.api.MediaKind;
import org.tributary.api.MediaPresentation;
import org.tributary.api.MediaReader;
import org.tributary.api.MediaSample;
import org.tributary.api.TrackInfo;

/** A 2-second AAC-only movie of 1024-sample frames at 48 kHz, built in memory for handler tests. */
final class FakeMovie implements MediaPresentation {

    static final int FRAMES = 94;

    private static final TrackInfo AUDIO = new TrackInfo(1, MediaKind.AUDIO, Codec.AAC, 48000, 48000, 2, 0, 0,
            64000, new byte[] {0x11, (byte) 0x90});

    @Override
    public String path() {
        return "movie.mp4";
    }

    @Override
    public List<TrackInfo> tracks() {
        return List.of(AUDIO);
    }

    @Override
    public double duration() {
        return FRAMES * 1024 / 48000.0;
    }

    @Override
    public MediaReader openReader() {
        return new MediaReader() {
            private int next;

            @Override
            public double seek(double seconds) throws MediaException {
                if (seconds < 0 || seconds > duration()) {
                    throw new MediaException(MediaException.Reason.OUT_OF_RANGE, "outside");
                }
                next = (int) (seconds * 48000 / 1024);
                return next * 1024 / 48000.0;
            }

            @Override
            public MediaSample next() {
                if (next >= FRAMES) {
                    return null;
                }
                int i = next++;
                return new MediaSample(1, i * 1024L, 0, 1024, true, ByteBuffer.wrap(new byte[] {1, 2, 3, (byte) i}));
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
