package org.tributary.source.file.internal.mp4;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of {@link MovieIndexParser}: any file is indexed or refused with a
 * {@link org.tributary.api.MediaException} of its own making (not a RuntimeException caught as a last
 * resort), without running out of memory or time; an index has tracks 1..n and a finite duration, and
 * every sample it lists can be read or is reported damaged. Replays
 * {@code MovieIndexParserFuzzTestInputs/} (small movies made by ffmpeg); {@code -Pfuzz} fuzzes it.
 */
class MovieIndexParserFuzzTest {

    private static final IndexFuzzing FILE = new IndexFuzzing(".mp4");

    @FuzzTest(maxDuration = "3m")
    void index(byte[] data) {
        MovieIndex index = FILE.index(data, MovieIndexParser::parse);
        if (index != null) {
            IndexFuzzing.assertServable(index, data.length);
        }
    }
}
