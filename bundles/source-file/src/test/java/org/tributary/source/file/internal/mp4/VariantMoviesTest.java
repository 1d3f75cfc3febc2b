package org.tributary.source.file.internal.mp4;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.tributary.source.file.internal.mp4.TestMovies.md5;
import static org.tributary.source.file.internal.mp4.TestMovies.ofTrack;
import static org.tributary.source.file.internal.mp4.TestMovies.resource;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.tributary.api.Codec;
import org.tributary.api.MediaKind;
import org.tributary.api.MediaSample;
import org.tributary.api.TrackInfo;

/**
 * Real files made with ffmpeg from the sample (first 2 s: 52 video and 95 audio samples) with
 * RTP hint tracks, the movie header after the media data, negative composition offsets, and
 * other codecs; plus byte-patched box size forms. Digests come from ffmpeg's framemd5.
 */
public class VariantMoviesTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void hintTracksAreSkipped() throws Exception {
        List<TrackInfo> tracks = TestMovies.open(resource("sample-hinted.mp4")).tracks();
        assertEquals(2, tracks.size());
        assertEquals(1, tracks.get(0).id());
        assertEquals(Codec.H264, tracks.get(0).codec());
        assertEquals(2, tracks.get(1).id());
        assertEquals(Codec.AAC, tracks.get(1).codec());
        assertTwoSecondCut(TestMovies.readAll(resource("sample-hinted.mp4")));
    }

    @Test
    public void movieHeaderAfterTheMediaData() throws Exception {
        assertTwoSecondCut(TestMovies.readAll(resource("sample-moov-at-end.mp4")));
    }

    @Test
    public void versionOneCompositionOffsetsMayBeNegative() throws Exception {
        List<MediaSample> video = ofTrack(TestMovies.readAll(resource("sample-ctts1.mp4")), 1);
        assertEquals(0, video.get(0).compositionOffset());
        assertEquals(512, video.get(1).compositionOffset());
        assertEquals(-512, video.get(2).compositionOffset());
        assertTwoSecondCut(TestMovies.readAll(resource("sample-ctts1.mp4")));
    }

    @Test
    public void largeSizeMediaDataBox() throws Exception {
        // ffmpeg leaves an 8-byte 'free' box before 'mdat' so that the two become one 16-byte header
        byte[] movie = Files.readAllBytes(resource("sample-moov-at-end.mp4"));
        int free = TestMovies.topLevelBox(movie, "free");
        long mdatSize = ByteBuffer.wrap(movie).getInt(free + 8) & 0xFFFFFFFFL;
        ByteBuffer.wrap(movie, free, 16).putInt(1).put("mdat".getBytes()).putLong(mdatSize + 8);
        assertTwoSecondCut(TestMovies.readAll(TestMovies.write(temp.newFile("large.mp4").toPath(), movie)));
    }

    @Test
    public void mediaDataToTheEndOfTheFile() throws Exception {
        byte[] movie = Files.readAllBytes(resource("sample-ctts1.mp4"));
        ByteBuffer.wrap(movie).putInt(TestMovies.topLevelBox(movie, "mdat"), 0);
        assertTwoSecondCut(TestMovies.readAll(TestMovies.write(temp.newFile("zero.mp4").toPath(), movie)));
    }

    @Test
    public void h265AndOpus() throws Exception {
        Path file = resource("tiny-h265-opus.mp4");
        List<TrackInfo> tracks = TestMovies.open(file).tracks();
        TrackInfo video = tracks.get(0);
        assertEquals(Codec.H265, video.codec());
        assertEquals(160, video.width());
        assertEquals(90, video.height());
        assertEquals("8380d4535462ea0b19320d11135e2382", md5(video.codecConfig()));
        TrackInfo audio = tracks.get(1);
        assertEquals(Codec.OPUS, audio.codec());
        assertEquals(48000, audio.sampleRate());
        assertEquals(2, audio.channels());
        // dOps: version 0, 2 channels, pre-skip 312, input rate 48000, gain 0, mapping family 0
        assertArrayEquals(HexFormat.of().parseHex("0002013800" + "00bb80000000"), audio.codecConfig());
        List<MediaSample> samples = TestMovies.readAll(file);
        assertEquals(25, ofTrack(samples, 1).size());
        assertEquals(51, ofTrack(samples, 2).size());
        assertEquals("967dfdb07f8f13b2bff4fcc1a6699ed8", md5(ofTrack(samples, 1).get(0).data()));
        assertEquals("4d0ea1749b9517d77b655690d38eff97", md5(ofTrack(samples, 2).get(0).data()));
        // the edit list starts the presentation after the dOps pre-skip, so RTP time 0 is the first audible sample
        assertEquals(-312, ofTrack(samples, 2).get(0).decodeTime());
    }

    @Test
    public void h263AndAmrNbIn3gp() throws Exception {
        // ffmpeg -c:v h263 -g 5 (10 fps, 1 s) with AMR-NB 12.2 kbit/s from GStreamer's amrnbenc, -f 3gp
        Path file = resource("tiny-h263-amr.3gp");
        List<TrackInfo> tracks = TestMovies.open(file).tracks();
        TrackInfo video = tracks.get(0);
        assertEquals(Codec.H263, video.codec());
        assertEquals(176, video.width());
        assertEquals(144, video.height());
        assertEquals(7, video.codecConfig().length);
        TrackInfo audio = tracks.get(1);
        assertEquals(Codec.AMR_NB, audio.codec());
        assertEquals(8000, audio.sampleRate());
        assertEquals(1, audio.channels());
        List<MediaSample> samples = TestMovies.readAll(file);
        List<MediaSample> pictures = ofTrack(samples, 1);
        assertEquals(10, pictures.size());
        assertEquals(50, ofTrack(samples, 2).size());
        assertEquals(List.of(0, 5), java.util.stream.IntStream.range(0, 10)
                .filter(i -> pictures.get(i).keyFrame()).boxed().toList());
        assertEquals("bb7eac41dde8e00a7f720e9c96be8165", md5(pictures.get(0).data()));
        assertEquals("6c58654262557de39dac17741326b3f9", md5(ofTrack(samples, 2).get(0).data()));
        assertEquals(160, ofTrack(samples, 2).get(1).decodeTime());
    }

    @Test
    public void mp3InMp4AndQuickTime() throws Exception {
        for (String name : new String[] {"tiny-mp3.mp4", "tiny-mp3.mov"}) {
            Path file = resource(name);
            List<TrackInfo> tracks = TestMovies.open(file).tracks();
            assertEquals(name, 1, tracks.size());
            TrackInfo audio = tracks.get(0);
            assertEquals(name, Codec.MP3, audio.codec());
            assertEquals(MediaKind.AUDIO, audio.kind());
            assertEquals(44100, audio.sampleRate());
            assertEquals(1, audio.channels());
            assertEquals(0, audio.codecConfig().length);
            List<MediaSample> samples = TestMovies.readAll(file);
            assertEquals(40, samples.size());
            assertEquals("bd815af0bc3675df2628876de8c2c43b", md5(samples.get(0).data()));
            assertEquals("85f777517aae5c74478e19b541fdcfbe", md5(samples.get(1).data()));
        }
    }

    private static void assertTwoSecondCut(List<MediaSample> samples) {
        List<MediaSample> video = ofTrack(samples, 1);
        List<MediaSample> audio = ofTrack(samples, 2);
        assertEquals(52, video.size());
        assertEquals(95, audio.size());
        assertEquals("fdaed96899ce317f115cffa77939afd0", md5(video.get(0).data()));
        assertEquals("ff8f44cc036b843ca20caaea9a123e44", md5(audio.get(0).data()));
        assertEquals(2, samples.stream().mapToInt(MediaSample::trackId).max().getAsInt());
    }
}
