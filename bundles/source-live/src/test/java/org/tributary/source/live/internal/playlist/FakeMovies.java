package org.tributary.source.live.internal.playlist;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tributary.api.Codec;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.api.MediaKind;
import org.tributary.api.MediaPresentation;
import org.tributary.api.MediaReader;
import org.tributary.api.MediaSample;
import org.tributary.api.MountRegistry;
import org.tributary.api.Publication;
import org.tributary.api.TrackInfo;

/**
 * A mount registry of tiny synthetic one-second movies: H.264 at timescale 100 (four pictures of
 * 0.25 s, the first an IDR) and AAC at 48 kHz (two access units of 0.5 s), interleaved by decoding time.
 */
class FakeMovies implements MountRegistry {

    /** SPS (type 7) with profile 66, level 30; PPS (type 8). */
    static final byte[] SPS = {0x67, 0x42, 0x00, 0x1e, 0x01};
    static final byte[] PPS = {0x68, 0x01, 0x02};
    static final byte[] AVCC = {1, 0x42, 0x00, 0x1e, (byte) 0xff, (byte) 0xe1, 0, 5, 0x67, 0x42, 0x00, 0x1e, 0x01,
            1, 0, 3, 0x68, 0x01, 0x02};
    static final byte[] AAC_48K_STEREO = {0x11, (byte) 0x90};
    static final byte[] AAC_44K_STEREO = {0x12, 0x10};

    final List<String> opened = new ArrayList<>();
    int openReaders;
    private final Map<String, List<TrackInfo>> movies = new HashMap<>();

    /** Adds a movie with the standard H.264 and 48 kHz AAC tracks. */
    FakeMovies add(String path) {
        return add(path, AAC_48K_STEREO, 48_000);
    }

    /** Adds a movie whose AAC track has another configuration. */
    FakeMovies add(String path, byte[] audioConfig, int sampleRate) {
        movies.put(path, List.of(
                new TrackInfo(1, MediaKind.VIDEO, Codec.H264, 100, 0, 0, 640, 360, 0, AVCC),
                new TrackInfo(2, MediaKind.AUDIO, Codec.AAC, sampleRate, sampleRate, 2, 0, 0, 0, audioConfig)));
        return this;
    }

    @Override
    public MediaPresentation open(String path) throws MediaException {
        opened.add(path);
        List<TrackInfo> tracks = movies.get(path);
        if (tracks == null) {
            throw new MediaException(Reason.NOT_FOUND, "no movie " + path);
        }
        return new MediaPresentation() {
            @Override
            public String path() {
                return path.substring(1);
            }

            @Override
            public List<TrackInfo> tracks() {
                return tracks;
            }

            @Override
            public double duration() {
                return 1;
            }

            @Override
            public MediaReader openReader() {
                openReaders++;
                return new Reader(samples(tracks.get(1).timescale()));
            }
        };
    }

    private static List<MediaSample> samples(int audioScale) {
        int half = audioScale / 2;
        return List.of(video(0, true), audio(0, half), video(25, false), video(50, false), audio(half, half),
                video(75, false));
    }

    private static MediaSample video(long decodeTime, boolean key) {
        byte[] au = {0, 0, 0, 4, (byte) (key ? 0x65 : 0x41), 1, 2, 3};
        return new MediaSample(1, decodeTime, 0, 25, key, ByteBuffer.wrap(au).asReadOnlyBuffer());
    }

    private static MediaSample audio(long decodeTime, int duration) {
        return new MediaSample(2, decodeTime, 0, duration, true, ByteBuffer.wrap(new byte[] {9, 8, 7}).asReadOnlyBuffer());
    }

    @Override
    public Publication publish(String path, String sdp, String publisher) throws MediaException {
        throw new MediaException(Reason.NOT_FOUND, "the fake registry has no live source");
    }

    @Override
    public Map<String, String> mounts() {
        return Map.of("/", "fake movies");
    }

    private final class Reader implements MediaReader {
        private final List<MediaSample> samples;
        private int next;
        private boolean closed;

        Reader(List<MediaSample> samples) {
            this.samples = samples;
        }

        @Override
        public double seek(double seconds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MediaSample next() {
            if (closed) {
                throw new IllegalStateException("reader used after close");
            }
            return next < samples.size() ? samples.get(next++) : null;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                openReaders--;
            }
        }
    }
}
