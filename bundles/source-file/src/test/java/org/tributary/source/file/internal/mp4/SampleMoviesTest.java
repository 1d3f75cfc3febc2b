package org.tributary.source.file.internal.mp4;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.tributary.source.file.internal.mp4.TestMovies.md5;
import static org.tributary.source.file.internal.mp4.TestMovies.ofTrack;

import java.util.HexFormat;
import java.util.List;

import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;
import org.tributary.api.Codec;
import org.tributary.api.MediaKind;
import org.tributary.api.MediaSample;
import org.tributary.api.TrackInfo;

/**
 * The shipped samples, MP4 and MOV, against facts measured with ffprobe and ffmpeg's framemd5
 * (per-packet MD5 of the stored bytes): H.264 640x360 25 fps, 250 samples, key frame every 50;
 * AAC stereo 48 kHz, 470 samples. Both tracks have an edit list starting the media at 1024 (video:
 * the B-frame delay at 12800 Hz; audio: the AAC priming at 48000 Hz), so every time is the stored
 * one minus 1024, as {@code ffprobe -show_packets} prints it.
 */
@RunWith(Parameterized.class)
public class SampleMoviesTest {

    private static final int VIDEO = 1;
    private static final int AUDIO = 2;

    @Parameters(name = "{0}")
    public static List<Object[]> files() {
        return List.of(new Object[] {"sample.mp4"}, new Object[] {"sample.mov"});
    }

    private final String file;

    public SampleMoviesTest(String file) {
        this.file = file;
    }

    private static List<MediaSample> mp4Samples;

    @BeforeClass
    public static void readMp4() throws Exception {
        mp4Samples = TestMovies.readAll(TestMovies.resource("sample.mp4"));
    }

    @Test
    public void describesBothTracks() throws Exception {
        List<TrackInfo> tracks = TestMovies.open(TestMovies.resource(file)).tracks();
        assertEquals(2, tracks.size());
        TrackInfo video = tracks.get(0);
        assertEquals(VIDEO, video.id());
        assertEquals(MediaKind.VIDEO, video.kind());
        assertEquals(Codec.H264, video.codec());
        assertEquals(12800, video.timescale());
        assertEquals(640, video.width());
        assertEquals(360, video.height());
        assertEquals("a48a8517ef92c867d0c938b127ef83d2", md5(video.codecConfig()));
        TrackInfo audio = tracks.get(1);
        assertEquals(AUDIO, audio.id());
        assertEquals(MediaKind.AUDIO, audio.kind());
        assertEquals(Codec.AAC, audio.codec());
        assertEquals(48000, audio.timescale());
        assertEquals(48000, audio.sampleRate());
        assertEquals(2, audio.channels());
        assertArrayEquals(HexFormat.of().parseHex("119056e500"), audio.codecConfig());
    }

    @Test
    public void durationIsTheLongestTrack() throws Exception {
        // both edit lists last 10000 at the movie timescale 1000; the audio media (481024 / 48000 s)
        // is longer only by its 1024 priming samples, which the edit cuts (ffprobe: duration=10.000000)
        assertEquals(10.0, TestMovies.open(TestMovies.resource(file)).duration(), 1e-9);
    }

    @Test
    public void bitrateIsBytesOverTheMediaDuration() throws Exception {
        List<TrackInfo> tracks = TestMovies.open(TestMovies.resource(file)).tracks();
        long videoBytes = ofTrack(mp4Samples, VIDEO).stream().mapToLong(s -> s.data().remaining()).sum();
        long audioBytes = ofTrack(mp4Samples, AUDIO).stream().mapToLong(s -> s.data().remaining()).sum();
        assertEquals(Math.round(videoBytes * 8 / 10.0), tracks.get(0).bitrate());
        assertEquals(Math.round(audioBytes * 8 / (481024 / 48000.0)), tracks.get(1).bitrate());
    }

    @Test
    public void readsEverySampleInDecodingOrder() throws Exception {
        List<MediaSample> samples = TestMovies.readAll(TestMovies.resource(file));
        assertEquals(250, ofTrack(samples, VIDEO).size());
        assertEquals(470, ofTrack(samples, AUDIO).size());
        // the edit lists make the first decoding times negative (video -1024/12800, audio -1024/48000)
        double previous = Double.NEGATIVE_INFINITY;
        for (MediaSample sample : samples) {
            double seconds = sample.decodeTime() / (sample.trackId() == VIDEO ? 12800.0 : 48000.0);
            assertTrue("out of order at " + sample, seconds >= previous);
            previous = seconds;
        }
        assertEquals(VIDEO, samples.get(0).trackId());
    }

    @Test
    public void keyFramesEveryFiftyVideoSamples() throws Exception {
        List<MediaSample> video = ofTrack(TestMovies.readAll(TestMovies.resource(file)), VIDEO);
        for (int i = 0; i < video.size(); i++) {
            assertEquals("sample " + i, i % 50 == 0, video.get(i).keyFrame());
        }
    }

    @Test
    public void videoSamplesMatchFfmpegPacketDigests() throws Exception {
        List<MediaSample> video = ofTrack(TestMovies.readAll(TestMovies.resource(file)), VIDEO);
        // decoding times: the stored ones (0, 512, 51200, 127488) minus the edit's 1024
        assertSample(video.get(0), -1024, 1024, 512, 5465, "fdaed96899ce317f115cffa77939afd0");
        assertSample(video.get(1), -512, 1536, 512, 1625, "5e7bcef1db03fde5a8443f5ad645ba98");
        assertSample(video.get(100), 50176, 1024, 512, 7513, "b1e6ce5e7e0a8acb0ceccfa943385354");
        assertSample(video.get(249), 126464, 1024, 512, 1768, "24ddb15bffa94fb7c252c70b38854988");
        assertEquals(512, video.get(2).compositionOffset());
    }

    @Test
    public void audioSamplesMatchFfmpegPacketDigests() throws Exception {
        List<MediaSample> audio = ofTrack(TestMovies.readAll(TestMovies.resource(file)), AUDIO);
        // decoding times: the stored ones (0, 1024, 469 * 1024) minus the edit's 1024 priming samples
        assertSample(audio.get(0), -1024, 0, 1024, 132, "ff8f44cc036b843ca20caaea9a123e44");
        assertSample(audio.get(1), 0, 0, 1024, 224, "198cf38b7c9adcd35895fd9b70899ecc");
        assertSample(audio.get(469), 468 * 1024, 0, 768, 146, "dd5edd251923c48662c2c829f6a0d9f9");
        assertFalse(audio.stream().anyMatch(s -> !s.keyFrame()));
    }

    @Test
    public void everySampleMatchesTheMp4() throws Exception {
        List<MediaSample> samples = TestMovies.readAll(TestMovies.resource(file));
        assertEquals(mp4Samples.size(), samples.size());
        for (int i = 0; i < samples.size(); i++) {
            assertEquals(mp4Samples.get(i).decodeTime(), samples.get(i).decodeTime());
            assertEquals(mp4Samples.get(i).data(), samples.get(i).data());
        }
    }

    private static void assertSample(MediaSample sample, long decodeTime, int compositionOffset, int duration,
                                     int size, String md5) {
        assertEquals(decodeTime, sample.decodeTime());
        assertEquals(compositionOffset, sample.compositionOffset());
        assertEquals(duration, sample.duration());
        assertEquals(size, sample.data().remaining());
        assertEquals(md5, md5(sample.data()));
    }
}
