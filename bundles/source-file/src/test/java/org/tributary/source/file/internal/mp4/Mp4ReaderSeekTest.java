package org.tributary.source.file.internal.mp4;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.tributary.source.file.internal.mp4.TestMovies.ofTrack;

import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.tributary.api.MediaException;
import org.tributary.api.MediaReader;
import org.tributary.api.MediaSample;

/**
 * Seeking sample.mp4 (key frames presented at 0, 2, 4, 6, 8 s) and an audio-only MP3 movie.
 * Positions are presentation times after the edit lists, which start both tracks of sample.mp4 at
 * media time 1024 and the MP3 at 1105: decoding times are the stored ones minus that.
 */
public class Mp4ReaderSeekTest {

    private MediaReader reader;

    @Before
    public void open() throws Exception {
        reader = TestMovies.open(TestMovies.resource("sample.mp4")).openReader();
    }

    @After
    public void close() {
        reader.close();
    }

    @Test
    public void seekLandsOnThePreviousKeyFrameWithAudioAtTheSameInstant() throws Exception {
        assertEquals(4.0, reader.seek(5.0), 0);
        List<MediaSample> rest = TestMovies.readAll(reader);
        List<MediaSample> video = ofTrack(rest, 1);
        List<MediaSample> audio = ofTrack(rest, 2);
        // key frame 100: stored decoding time 51200, presented 1024 later; the edit moves both back
        assertEquals(4 * 12800, video.get(0).presentationTime());
        assertEquals(4 * 12800 - 1024, video.get(0).decodeTime());
        assertTrue(video.get(0).keyFrame());
        assertEquals(150, video.size());
        // audio sample 188 (stored 192512..193536, presented 191488..192512) contains 4.0 s = 192000
        assertEquals(187 * 1024, audio.get(0).presentationTime());
        assertEquals(470 - 188, audio.size());
    }

    @Test
    public void seekToAKeyFrameTimeStaysThere() throws Exception {
        assertEquals(4.0, reader.seek(4.0), 0);
        assertEquals(2.0, reader.seek(3.99), 0);
        assertEquals(0.0, reader.seek(1.99), 0);
        assertEquals(8.0, reader.seek(10.0), 0);
    }

    @Test
    public void seekBackAfterTheEndReplays() throws Exception {
        TestMovies.readAll(reader);
        assertNull(reader.next());
        assertEquals(0.0, reader.seek(0), 0);
        List<MediaSample> all = TestMovies.readAll(reader);
        // every sample again, the audio priming (presented at -1024) included
        assertEquals(720, all.size());
        assertEquals(-1024, all.get(0).decodeTime());
        assertEquals(0, all.get(0).presentationTime());
        assertEquals(-1024, ofTrack(all, 2).get(0).presentationTime());
    }

    @Test
    public void seekOutsideTheMovieIsOutOfRange() throws Exception {
        for (double position : new double[] {11.0, -0.5, Double.NaN, 10.03}) {
            try {
                reader.seek(position);
                fail("seek(" + position + ") was accepted");
            } catch (MediaException e) {
                assertEquals(MediaException.Reason.OUT_OF_RANGE, e.reason());
                assertTrue(e.getMessage(), e.getMessage().contains("sample.mp4"));
            }
        }
    }

    @Test
    public void audioOnlyMovieSeeksToTheSamplePlayingAtThatTime() throws Exception {
        try (MediaReader mp3 = TestMovies.open(TestMovies.resource("tiny-mp3.mp4")).openReader()) {
            // 0.5 s = 22050 ticks at 44.1 kHz, inside MP3 frame 20 (stored 23040..24192, presented
            // 1105 earlier: 21935..23087, as ffprobe prints it)
            assertEquals(21935 / 44100.0, mp3.seek(0.5), 1e-12);
            assertEquals(21935, mp3.next().decodeTime());
        }
    }
}
