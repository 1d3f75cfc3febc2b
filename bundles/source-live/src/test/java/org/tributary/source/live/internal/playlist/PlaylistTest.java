package org.tributary.source.live.internal.playlist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.Test;

public class PlaylistTest {

    private static Playlist playlist(PlaylistMode mode, String... items) {
        return new Playlist(PlaylistEntry.parseAll(items), mode, new Random(42));
    }

    private static List<String> take(Playlist playlist, int count) {
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            taken.add(playlist.next());
        }
        return taken;
    }

    @Test
    public void sequentialPlaysEachItemOnceInOrder() {
        Playlist playlist = playlist(PlaylistMode.SEQUENTIAL, "/a.mp4;/b.mp4", "/c.mov");

        assertEquals("/a.mp4", playlist.peek());
        assertEquals(List.of("/a.mp4", "/b.mp4", "/c.mov"), take(playlist, 3));
        assertNull(playlist.peek());
        assertNull(playlist.next());
    }

    @Test
    public void loopWrapsAround() {
        Playlist playlist = playlist(PlaylistMode.LOOP, "/a.mp4;/b.mp4;/c.mp4");

        assertEquals(List.of("/a.mp4", "/b.mp4", "/c.mp4", "/a.mp4", "/b.mp4"), take(playlist, 5));
        assertEquals("/c.mp4", playlist.peek());
    }

    @Test
    public void weightedRandomHonoursTheWeights() {
        Playlist playlist = playlist(PlaylistMode.WEIGHTED_RANDOM, "/a.mp4*3;/b.mp4;/c.mp4*6");
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            String peeked = playlist.peek();
            String next = playlist.next();
            assertEquals("peek shows what comes next", peeked, next);
            counts.merge(next, 1, Integer::sum);
        }
        // expected 3000, 1000, 6000; a standard deviation is about 50
        assertTrue(counts.toString(), Math.abs(counts.get("/a.mp4") - 3000) < 200);
        assertTrue(counts.toString(), Math.abs(counts.get("/b.mp4") - 1000) < 200);
        assertTrue(counts.toString(), Math.abs(counts.get("/c.mp4") - 6000) < 200);
    }

    @Test
    public void itemsAreParsedFromOneValueOrSeveral() {
        assertEquals(List.of(new PlaylistEntry("/a.mp4", 3), new PlaylistEntry("/b.mov", 1),
                        new PlaylistEntry("/dir/c.mp4", 12)),
                PlaylistEntry.parseAll(new String[] {" /a.mp4 * 3 ; b.mov;; ", "/dir/c.mp4*12"}));
    }

    @Test
    public void badItemsAreRefusedWithTheirName() {
        for (String bad : new String[] {"/a.mp4*0", "/a.mp4*x", "/a.mp4*10001", "*3", "/a\u0001.mp4"}) {
            IllegalArgumentException e = assertThrows(bad, IllegalArgumentException.class,
                    () -> PlaylistEntry.parseAll(new String[] {bad}));
            assertTrue(e.getMessage(), e.getMessage().contains("playlist item"));
        }
        assertThrows(IllegalArgumentException.class, () -> PlaylistEntry.parseAll(new String[] {" ; "}));
        assertThrows(IllegalArgumentException.class, () -> PlaylistEntry.parseAll(null));
    }

    @Test
    public void modesAreParsedLeniently() {
        assertEquals(PlaylistMode.WEIGHTED_RANDOM, PlaylistMode.parse("weighted-random"));
        assertEquals(PlaylistMode.WEIGHTED_RANDOM, PlaylistMode.parse("Weighted_Random"));
        assertEquals(PlaylistMode.LOOP, PlaylistMode.parse(" loop "));
        assertEquals(PlaylistMode.SEQUENTIAL, PlaylistMode.parse("sequential"));
        assertThrows(IllegalArgumentException.class, () -> PlaylistMode.parse("shuffle"));
        assertThrows(IllegalArgumentException.class, () -> PlaylistMode.parse(null));
    }
}
