package org.tributary.mp3.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The order a playlist station plays its files in: one pass over the list, in order or shuffled, then
 * again while looping. The list is asked for at the start of every pass, so files added to a folder play
 * from the next pass on. Not thread-safe: the station's pacing thread owns it.
 */
final class PlaylistOrder {

    private final Supplier<List<Path>> files;
    private final boolean shuffle;
    private final boolean loop;
    private final Random random;
    private List<Path> pass = List.of();
    private int index;
    private int passes;

    /**
     * @param files   the files of a pass, listed anew for each
     * @param shuffle whether each pass is shuffled
     * @param loop    whether passes repeat
     * @param random  shuffles; seeded in tests
     */
    PlaylistOrder(Supplier<List<Path>> files, boolean shuffle, boolean loop, Random random) {
        this.files = files;
        this.shuffle = shuffle;
        this.loop = loop;
        this.random = random;
    }

    /** @return the next file, or null when the playlist is done (not looping after a pass, or no files) */
    Path next() {
        if (index == pass.size()) {
            if (passes > 0 && !loop) {
                return null;
            }
            List<Path> listed = new ArrayList<>(files.get());
            if (shuffle) {
                Collections.shuffle(listed, random);
            }
            pass = listed;
            index = 0;
            passes++;
            if (pass.isEmpty()) {
                return null;
            }
        }
        return pass.get(index++);
    }

    /** @return the number of files of the current pass */
    int passSize() {
        return pass.size();
    }
}
