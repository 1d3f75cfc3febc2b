package org.tributary.source.file.internal.mp3;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.tributary.source.file.internal.mp4.IndexFuzzing;
import org.tributary.source.file.internal.mp4.MovieIndex;

/**
 * Coverage-guided fuzzing of {@link Mp3IndexParser}: any file is indexed or refused with a
 * {@link org.tributary.api.MediaException}, without running out of memory or time; an index has one
 * track and a finite duration, and every frame it lists can be read. Replays
 * {@code Mp3IndexParserFuzzTestInputs/} (small MP3s made by ffmpeg); {@code -Pfuzz} fuzzes it.
 */
class Mp3IndexParserFuzzTest {

    private static final IndexFuzzing FILE = new IndexFuzzing(".mp3");

    @FuzzTest(maxDuration = "2m")
    void index(byte[] data) {
        MovieIndex index = FILE.index(data, Mp3IndexParser::parse);
        if (index != null) {
            IndexFuzzing.assertServable(index, data.length);
        }
    }
}
