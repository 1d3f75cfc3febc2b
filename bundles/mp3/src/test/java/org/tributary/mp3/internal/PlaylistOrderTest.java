package org.tributary.mp3.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

import org.junit.Test;

public class PlaylistOrderTest {

    private final List<Path> files = new ArrayList<>(List.of(Path.of("a.mp3"), Path.of("b.mp3"), Path.of("c.mp3")));

    private static List<Path> take(PlaylistOrder order, int n) {
        List<Path> taken = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            taken.add(order.next());
        }
        return taken;
    }

    @Test
    public void sequentialPlaysEachFileOnceInOrder() {
        PlaylistOrder order = new PlaylistOrder(() -> files, false, false, new Random(1));
        assertEquals(files, take(order, 3));
        assertNull(order.next());
        assertNull(order.next());
    }

    @Test
    public void loopStartsAgainAndListsTheFilesAnewForEachPass() {
        PlaylistOrder order = new PlaylistOrder(() -> List.copyOf(files), false, true, new Random(1));
        assertEquals(files, take(order, 3));
        files.add(Path.of("d.mp3"));
        assertEquals(files, take(order, 4));
        assertEquals(4, order.passSize());
    }

    @Test
    public void shuffleMakesEachPassAPermutation() {
        List<Path> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(Path.of(i + ".mp3"));
        }
        PlaylistOrder order = new PlaylistOrder(() -> many, true, true, new Random(7));
        List<Path> first = take(order, 20);
        List<Path> second = take(order, 20);
        assertEquals(new HashSet<>(many), new HashSet<>(first));
        assertEquals(new HashSet<>(many), new HashSet<>(second));
        assertNotEquals(many, first);
        assertNotEquals(first, second);
    }

    @Test
    public void anEmptyListEndsThePlaylistEvenWhenLooping() {
        assertNull(new PlaylistOrder(List::of, false, true, new Random(1)).next());
    }
}
