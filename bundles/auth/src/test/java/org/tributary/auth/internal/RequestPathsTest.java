package org.tributary.auth.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.Test;

/** Request paths split into plain segments, or are refused. */
public class RequestPathsTest {

    @Test
    public void splitsPlainPaths() {
        assertEquals(Optional.of(List.of()), RequestPaths.segments("/"));
        assertEquals(Optional.of(List.of("a", "b", "movie.mp4")), RequestPaths.segments("/a/b/movie.mp4"));
        assertEquals(Optional.of(List.of("a", "b")), RequestPaths.segments("//a///b/"));
        assertEquals(Optional.of(List.of("a..b", ".hidden")), RequestPaths.segments("/a..b/.hidden"));
    }

    @Test
    public void refusesPathsThatCouldMeanSomethingElse() {
        String[] refused = {null, "", "a/b", "/..", "/a/../b", "/a/./b", "/a\\b", "/a\0b", "/a\nb", "/a\u0085b",
            "/" + "x".repeat(RequestPaths.MAX_PATH_LENGTH)};
        for (String path : refused) {
            assertFalse(String.valueOf(path), RequestPaths.segments(path).isPresent());
        }
    }

    @Test
    public void trailingSlashNamesAFolder() {
        assertTrue(RequestPaths.namesFolder("/a/"));
        assertFalse(RequestPaths.namesFolder("/a"));
    }
}
