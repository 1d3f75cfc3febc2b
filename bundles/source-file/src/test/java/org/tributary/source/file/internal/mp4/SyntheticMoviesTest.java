package org.tributary.source.file.internal.mp4;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.tributary.source.file.internal.mp4.MovieBuilder.avc1;
import static org.tributary.source.file.internal.mp4.MovieBuilder.mp4a;
import static org.tributary.source.file.internal.mp4.MovieBuilder.unknownEntry;
import static org.tributary.source.file.internal.mp4.TestMovies.bytes;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.tributary.api.Codec;
import org.tributary.api.MediaException;
import org.tributary.api.MediaSample;
import org.tributary.api.TrackInfo;
import org.tributary.source.file.internal.mp4.MovieBuilder.Track;

/** Hand-built movies for the table and codec forms the ffmpeg samples do not contain. */
public class SyntheticMoviesTest {

    private static final HexFormat HEX = HexFormat.of();
    /** avcC, High profile, lengthSizeMinusOne = 1 (2-byte NAL lengths), no parameter sets. */
    private static final byte[] AVCC_2_BYTE_LENGTHS = HEX.parseHex("016400 1ffde000".replace(" ", ""));

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void shortNalLengthsAreRewrittenToFourBytes() throws Exception {
        Track video = new Track("vide", avc1(320, 240, AVCC_2_BYTE_LENGTHS),
                HEX.parseHex("000365aabb00020605"), HEX.parseHex("000141"));
        video.co64 = true;
        video.compactSizes = true;
        video.syncSamples = new int[] {1};
        Path file = write("short-nal.mp4", MovieBuilder.movie(video));

        TrackInfo info = TestMovies.open(file).tracks().get(0);
        assertEquals(Codec.H264, info.codec());
        assertEquals(320, info.width());
        assertEquals(240, info.height());
        assertArrayEquals("avcC now says 4-byte lengths", HEX.parseHex("0164001fffe000"), info.codecConfig());
        List<MediaSample> samples = TestMovies.readAll(file);
        assertArrayEquals(HEX.parseHex("0000000365aabb0000000206 05".replace(" ", "")), bytes(samples.get(0).data()));
        assertArrayEquals(HEX.parseHex("0000000141"), bytes(samples.get(1).data()));
        assertTrue(samples.get(0).keyFrame());
        assertFalse(samples.get(1).keyFrame());
        assertEquals(40, samples.get(1).decodeTime());
    }

    @Test
    public void nalLengthOverrunningTheSampleIsCorrupt() throws Exception {
        Track video = new Track("vide", avc1(320, 240, AVCC_2_BYTE_LENGTHS), HEX.parseHex("0009650000"));
        Path file = write("bad-nal.mp4", MovieBuilder.movie(video));
        MediaException e = TestMovies.assertFails(file, MediaException.Reason.CORRUPT);
        assertTrue(e.getMessage(), e.getMessage().contains("runs past the end"));
    }

    @Test
    public void aacRateAndChannelsComeFromTheConfigWhenTheEntrySaysZero() throws Exception {
        // AudioSpecificConfig 0x1210: AAC LC, 44100 Hz, 2 channels
        Track audio = new Track("soun", mp4a(0, 0, 0x40, HEX.parseHex("1210")),
                HEX.parseHex("01020304"), HEX.parseHex("05060708"), HEX.parseHex("090a0b0c"));
        audio.timescale = 44100;
        audio.sampleDuration = 1024;
        audio.uniformSize = true;
        Path file = write("aac.m4a", MovieBuilder.movie(audio));

        TrackInfo info = TestMovies.open(file).tracks().get(0);
        assertEquals(Codec.AAC, info.codec());
        assertEquals(44100, info.sampleRate());
        assertEquals(2, info.channels());
        List<MediaSample> samples = TestMovies.readAll(file);
        assertEquals(3, samples.size());
        assertArrayEquals(HEX.parseHex("090a0b0c"), bytes(samples.get(2).data()));
        assertEquals(2048, samples.get(2).decodeTime());
    }

    @Test
    public void tracksOfOtherCodecsAndHandlersAreSkipped() throws Exception {
        Track mpeg4Video = new Track("vide", unknownEntry("mp4v"), HEX.parseHex("00"));
        Track text = new Track("text", unknownEntry("tx3g"), HEX.parseHex("00"));
        Track audio = new Track("soun", mp4a(2, 48000, 0x6B, new byte[0]), HEX.parseHex("fffb9064"));
        Path file = write("mixed.mp4", MovieBuilder.movie(mpeg4Video, text, audio));

        List<TrackInfo> tracks = TestMovies.open(file).tracks();
        assertEquals(1, tracks.size());
        assertEquals(1, tracks.get(0).id());
        assertEquals(Codec.MP3, tracks.get(0).codec());
        // from the MPEG-1 layer III frame header 0xfffb9064: 44.1 kHz, joint stereo
        assertEquals(44100, tracks.get(0).sampleRate());
        assertEquals(2, tracks.get(0).channels());
        assertEquals(1, TestMovies.readAll(file).get(0).trackId());
    }

    @Test
    public void noPlayableTrackIsUnsupported() throws Exception {
        Track mpeg4Video = new Track("vide", unknownEntry("mp4v"), HEX.parseHex("00"));
        Path file = write("mpeg4.mp4", MovieBuilder.movie(mpeg4Video));
        MediaException e = TestMovies.assertFails(file, MediaException.Reason.UNSUPPORTED);
        assertTrue(e.getMessage(), e.getMessage().contains("no playable track"));
    }

    private Path write(String name, byte[] movie) throws Exception {
        return TestMovies.write(temp.newFile(name).toPath(), movie);
    }
}
