package org.tributary.mp3.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class RtspPathsTest {

    @Test
    public void withoutAPrefixTheStationHasItsOwnMountAndIsPublishedBelowTheLiveMount() {
        RtspPaths paths = RtspPaths.of("", "/live/");
        assertEquals("/radio", paths.rtspPath("/radio"));
        assertTrue(paths.ownMount("/radio"));
        assertEquals("radio", paths.livePath("/radio"));
        assertEquals("a/b", paths.livePath("/a/b"));
    }

    @Test
    public void aPrefixAtTheLiveMountMakesTheStationALiveBroadcastThere() {
        RtspPaths paths = RtspPaths.of(" /live/ ", "live");
        assertEquals(new RtspPaths("/live", "/live/"), paths);
        assertEquals("/live/radio", paths.rtspPath("/radio"));
        assertFalse(paths.ownMount("/radio"));
        assertEquals("radio", paths.livePath("/radio"));
        assertEquals("sub/radio", RtspPaths.of("/live/sub", "/live/").livePath("/radio"));
    }

    @Test
    public void anotherPrefixGivesAMountOfItsOwn() {
        RtspPaths paths = RtspPaths.of("/mp3", "/live/");
        assertEquals("/mp3/radio", paths.rtspPath("/radio"));
        assertTrue(paths.ownMount("/radio"));
        assertEquals("radio", paths.livePath("/radio"));
    }

    @Test
    public void aStationAtTheLiveMountItselfIsNotBelowIt() {
        RtspPaths paths = RtspPaths.of(null, "/live/");
        assertTrue(paths.ownMount("/live"));
        assertFalse(paths.ownMount("/live/x"));
        assertEquals("x", paths.livePath("/live/x"));
    }

    @Test
    public void aPrefixThatIsNotAPathIsRefusedNamingIt() {
        for (String bad : new String[] {"live", "/a b", "/../x", "/a//b", "/x?y"}) {
            try {
                RtspPaths.of(bad, "/live/");
                throw new AssertionError(bad + " was taken");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("rtspPrefix '" + bad + "'"));
            }
        }
    }
}
