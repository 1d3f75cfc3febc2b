package org.tributary.source.file.internal.mp4;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.tributary.source.file.internal.mp4.MovieBuilder.avc1;
import static org.tributary.source.file.internal.mp4.MovieBuilder.edts;
import static org.tributary.source.file.internal.mp4.MovieBuilder.mp4a;
import static org.tributary.source.file.internal.mp4.TestMovies.ofTrack;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.api.MediaPresentation;
import org.tributary.api.MediaReader;
import org.tributary.api.MediaSample;
import org.tributary.source.file.internal.mp4.MovieBuilder.Track;

/**
 * Edit lists move each track to its presentation timeline: the shipped sample and an MP3 movie
 * against the packet times ffprobe prints (it applies edit lists), hand-built movies with empty
 * edits, version 1 boxes and forms only approximated, and damaged edit lists.
 */
public class EditListTest {

    private static final HexFormat HEX = HexFormat.of();
    /** avcC, High profile, 4-byte NAL lengths, no parameter sets. */
    private static final byte[] AVCC = HEX.parseHex("0164001fffe000");
    /** AudioSpecificConfig: AAC LC, 48 kHz, stereo. */
    private static final byte[] AAC_48K = HEX.parseHex("1190");
    private static final long RATE_ONE = 0x1_0000;
    private static final long EMPTY = -1;

    /**
     * {pts, dts} from {@code ffprobe -v error -select_streams v -show_entries packet=pts,dts -of csv
     * -read_intervals %+0.2 sample.mp4}: the first picture is presented at 0, not at the stored 1024.
     */
    private static final long[][] FFPROBE_VIDEO = {{0, -1024}, {1024, -512}, {512, 0}, {2048, 512}, {1536, 1024}};
    /** The same with {@code -select_streams a}: the 1024 AAC priming samples come before 0. */
    private static final long[][] FFPROBE_AUDIO = {{-1024, -1024}, {0, 0}, {1024, 1024}, {2048, 2048},
        {3072, 3072}, {4096, 4096}, {5120, 5120}, {6144, 6144}, {7168, 7168}, {8192, 8192}};

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void sampleTimelinesAgreeWithFfprobe() throws Exception {
        List<MediaSample> samples = TestMovies.readAll(TestMovies.resource("sample.mp4"));
        assertTimes(FFPROBE_VIDEO, ofTrack(samples, 1));
        assertTimes(FFPROBE_AUDIO, ofTrack(samples, 2));
    }

    @Test
    public void mp3DecoderDelayComesBeforeZero() throws Exception {
        // ffprobe -show_entries packet=pts,dts tiny-mp3.mp4: elst media_time 1105 at 44100 Hz
        assertTimes(new long[][] {{-1105, -1105}, {47, 47}}, TestMovies.readAll(TestMovies.resource("tiny-mp3.mp4")));
    }

    @Test
    public void emptyEditDelaysTheTrack() throws Exception {
        MediaPresentation movie = TestMovies.open(delayedVideoMovie("delayed.mp4"));
        // video edits: 300 + 96 at 600/s; audio, no edits: 30 * 1024 / 48000 = 0.64 s
        assertEquals(396 / 600.0, movie.duration(), 1e-12);
        List<MediaSample> samples = readAll(movie);
        List<MediaSample> video = ofTrack(samples, 1);
        // 0.5 s of empty edit = 45000 at 90 kHz, then one frame every 3600
        for (int i = 0; i < 4; i++) {
            assertEquals(45000 + 3600 * i, video.get(i).decodeTime());
            assertEquals(45000 + 3600 * i, video.get(i).presentationTime());
        }
        assertEquals(0, ofTrack(samples, 2).get(0).decodeTime());
        // audio samples 0..23 start before 0.5 s, so they come first in decoding order
        assertEquals(24, samples.indexOf(video.get(0)));
    }

    @Test
    public void seekInADelayedTrackUsesPresentationTimes() throws Exception {
        try (MediaReader reader = TestMovies.open(delayedVideoMovie("seek.mp4")).openReader()) {
            // before the first picture: back to the start of every track
            assertEquals(0.0, reader.seek(0.3), 0);
            assertEquals(34, TestMovies.readAll(reader).size());
            // key frame 1 is presented at 0.5 s; audio sample 23 (23552..24576 at 48 kHz) is playing then
            assertEquals(0.5, reader.seek(0.55), 0);
            List<MediaSample> rest = TestMovies.readAll(reader);
            assertEquals(45000, ofTrack(rest, 1).get(0).presentationTime());
            assertEquals(23 * 1024, ofTrack(rest, 2).get(0).presentationTime());
            // key frame 3 is presented at 52200 / 90000 = 0.58 s
            assertEquals(0.58, reader.seek(0.6), 1e-12);
            assertEquals(52200, ofTrack(TestMovies.readAll(reader), 1).get(0).presentationTime());
        }
    }

    @Test
    public void versionOneEditsAndDelayRounding() throws Exception {
        Track audio = aacTrack(44100, 5);
        // an empty edit of 1/600 s is 73.5 ticks at 44.1 kHz: 74, rounded to the nearest as ffmpeg does
        audio.edits = edts(1, new long[] {1, EMPTY, RATE_ONE}, new long[] {10, 1105, RATE_ONE});
        Path file = write("v1.m4a", MovieBuilder.movie(audio));
        assertEquals(11 / 600.0, TestMovies.open(file).duration(), 1e-12);
        List<MediaSample> samples = TestMovies.readAll(file);
        assertEquals(74 - 1105, samples.get(0).decodeTime());
        assertEquals(74 - 1105 + 1024, samples.get(1).decodeTime());
    }

    @Test
    public void laterEditsAndOtherRatesKeepTheFirstEditsOffset() throws Exception {
        Track audio = aacTrack(48000, 5);
        audio.edits = edts(0, new long[] {60, EMPTY, RATE_ONE}, new long[] {60, 2048, 2 * RATE_ONE},
                new long[] {60, 0, RATE_ONE}, new long[] {30, EMPTY, RATE_ONE});
        Path file = write("edited.m4a", MovieBuilder.movie(audio));
        assertEquals(210 / 600.0, TestMovies.open(file).duration(), 1e-12);
        // 60 / 600 s = 4800 at 48 kHz, minus the first edit's media time
        assertEquals(4800 - 2048, TestMovies.readAll(file).get(0).decodeTime());
    }

    @Test
    public void damagedEditListsAreCorrupt() throws Exception {
        assertCorrupt("too-many.m4a", edited(edts(0, new long[] {10, 0, RATE_ONE})), 12, 2);
        assertCorrupt("huge-count.m4a", edited(edts(0, new long[] {10, 0, RATE_ONE})), 12, -1);
        assertCorrupt("version-2.m4a", edited(edts(0, new long[] {10, 0, RATE_ONE})), 8, 0x0200_0000);
        assertCorrupt("minus-two.m4a", edited(edts(0, new long[] {10, -2, RATE_ONE})), 0, 0);
        assertCorrupt("past-the-end.m4a", edited(edts(0, new long[] {10, 5 * 1024 + 1, RATE_ONE})), 0, 0);
        long weekAndASecond = 600L * (EditList.MAX_DELAY_SECONDS + 1);
        assertCorrupt("long-delay.m4a", edited(edts(1, new long[] {weekAndASecond, EMPTY, RATE_ONE},
                new long[] {10, 0, RATE_ONE})), 0, 0);
        assertCorrupt("overflow.m4a", edited(edts(1, new long[] {Long.MAX_VALUE, 0, RATE_ONE},
                new long[] {Long.MAX_VALUE, 0, RATE_ONE})), 0, 0);
    }

    @Test
    public void emptyEditWithoutMovieHeaderIsCorrupt() throws Exception {
        byte[] movie = edited(edts(0, new long[] {60, EMPTY, RATE_ONE}, new long[] {10, 0, RATE_ONE}));
        ByteBuffer.wrap(movie).put(TestMovies.anyBox(movie, "mvhd") + 4, "free".getBytes());
        assertCorrupt("no-mvhd.m4a", movie, 0, 0);
    }

    @Test
    public void sampleWithAnEditCountBeyondItsBoxIsCorrupt() throws Exception {
        byte[] movie = Files.readAllBytes(TestMovies.resource("sample.mp4"));
        assertCorrupt("sample-elst.mp4", movie, 12, 2);
    }

    /** Writes the movie with the int at {@code offset} in its first elst set to {@code value} (offset 0: as is). */
    private void assertCorrupt(String name, byte[] movie, int offset, int value) throws Exception {
        if (offset != 0) {
            ByteBuffer.wrap(movie).putInt(TestMovies.anyBox(movie, "elst") + offset, value);
        }
        MediaException e = TestMovies.assertFails(write(name, movie), Reason.CORRUPT);
        assertTrue(e.getMessage(), e.getMessage().contains("'elst'"));
    }

    /** @return a movie of one 5-sample AAC track with that edit box */
    private static byte[] edited(byte[] edits) {
        Track audio = aacTrack(48000, 5);
        audio.edits = edits;
        return MovieBuilder.movie(audio);
    }

    /**
     * Video at 90 kHz delayed 0.5 s by an empty edit (300 at 600/s), then 4 frames of 3600 with key
     * frames 1 and 3; audio at 48 kHz from 0, 30 samples of 1024, without edit list.
     */
    private Path delayedVideoMovie(String name) throws Exception {
        Track video = new Track("vide", avc1(320, 240, AVCC), HEX.parseHex("0000000165"),
                HEX.parseHex("0000000141"), HEX.parseHex("0000000165"), HEX.parseHex("0000000141"));
        video.timescale = 90000;
        video.sampleDuration = 3600;
        video.syncSamples = new int[] {1, 3};
        video.edits = edts(0, new long[] {300, EMPTY, RATE_ONE}, new long[] {96, 0, RATE_ONE});
        return write(name, MovieBuilder.movie(video, aacTrack(48000, 30)));
    }

    private static Track aacTrack(int timescale, int count) {
        byte[][] samples = new byte[count][];
        for (int i = 0; i < count; i++) {
            samples[i] = new byte[] {0x21, (byte) i};
        }
        Track audio = new Track("soun", mp4a(2, 48000, 0x40, AAC_48K), samples);
        audio.timescale = timescale;
        audio.sampleDuration = 1024;
        return audio;
    }

    private static void assertTimes(long[][] ptsDts, List<MediaSample> samples) {
        for (int i = 0; i < ptsDts.length; i++) {
            assertEquals("pts of sample " + i, ptsDts[i][0], samples.get(i).presentationTime());
            assertEquals("dts of sample " + i, ptsDts[i][1], samples.get(i).decodeTime());
        }
    }

    private static List<MediaSample> readAll(MediaPresentation movie) throws MediaException {
        try (MediaReader reader = movie.openReader()) {
            return TestMovies.readAll(reader);
        }
    }

    private Path write(String name, byte[] movie) throws Exception {
        return TestMovies.write(temp.newFile(name).toPath(), movie);
    }
}
