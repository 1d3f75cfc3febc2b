package org.tributary.core.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.tributary.api.MediaException;
import org.tributary.api.MediaPresentation;
import org.tributary.api.MediaReader;
import org.tributary.api.MediaSource;
import org.tributary.api.TrackInfo;

public class MountRegistryImplTest {

    /** A source that answers with a presentation whose path tells which source and which rest it saw. */
    private static MediaSource source(String name) {
        return new MediaSource() {
            @Override
            public String description() {
                return name;
            }

            @Override
            public MediaPresentation open(String path) {
                return new MediaPresentation() {
                    @Override
                    public String path() {
                        return name + ":" + path;
                    }

                    @Override
                    public List<TrackInfo> tracks() {
                        return List.of();
                    }

                    @Override
                    public double duration() {
                        return 0;
                    }

                    @Override
                    public MediaReader openReader() {
                        throw new IllegalStateException();
                    }
                };
            }
        };
    }

    @Test
    public void longestPrefixWins() throws MediaException {
        MountRegistryImpl registry = new MountRegistryImpl();
        registry.addSource(source("files"), Map.of(MediaSource.MOUNT, "/"));
        registry.addSource(source("live"), Map.of(MediaSource.MOUNT, "/live"));
        assertEquals("files:sample.mp4", registry.open("/sample.mp4").path());
        assertEquals("live:cam1", registry.open("/live/cam1").path());
        assertEquals("files:lively.mp4", registry.open("/lively.mp4").path());
        assertEquals("the mount itself, without its last slash", "live:", registry.open("/live").path());
    }

    @Test
    public void removedSourceAnswersNotFound() throws MediaException {
        MountRegistryImpl registry = new MountRegistryImpl();
        MediaSource files = source("files");
        registry.addSource(files, Map.of(MediaSource.MOUNT, "/"));
        registry.removeSource(files, Map.of(MediaSource.MOUNT, "/"));
        MediaException e = assertThrows(MediaException.class, () -> registry.open("/sample.mp4"));
        assertEquals(MediaException.Reason.NOT_FOUND, e.reason());
    }

    @Test
    public void relativePathIsNotFound() {
        MountRegistryImpl registry = new MountRegistryImpl();
        registry.addSource(source("files"), Map.of(MediaSource.MOUNT, "/"));
        assertThrows(MediaException.class, () -> registry.open("sample.mp4"));
    }

    @Test
    public void mountsAreListed() {
        MountRegistryImpl registry = new MountRegistryImpl();
        registry.addSource(source("files"), Map.of(MediaSource.MOUNT, "/"));
        assertEquals(Map.of("/", "files"), registry.mounts());
    }

    @Test
    public void suffixSourceTakesItsNamesFromTheFolderAtTheSameMount() throws MediaException {
        MountRegistryImpl registry = new MountRegistryImpl();
        registry.addSource(source("files"), Map.of(MediaSource.MOUNT, "/"));
        registry.addSource(source("feeds"), Map.of(MediaSource.MOUNT, "/", MediaSource.SUFFIX, ".sdp"));
        assertEquals("feeds:cam.sdp", registry.open("/cam.sdp").path());
        assertEquals("case-insensitive", "feeds:sub/CAM.SDP", registry.open("/sub/CAM.SDP").path());
        assertEquals("files:sample.mp4", registry.open("/sample.mp4").path());
        assertEquals("a suffix must end the name", "files:cam.sdp.mp4", registry.open("/cam.sdp.mp4").path());
        assertEquals("the suffix alone names nothing", "files:.sdp", registry.open("/.sdp").path());
    }

    @Test
    public void suffixSourceWinsOverALongerMountOnlyWhenItsOwnIsAsLong() throws MediaException {
        MountRegistryImpl registry = new MountRegistryImpl();
        registry.addSource(source("live"), Map.of(MediaSource.MOUNT, "/live/"));
        registry.addSource(source("feeds"), Map.of(MediaSource.MOUNT, "/", MediaSource.SUFFIX, ".sdp"));
        assertEquals("the longer mount without suffix keeps its paths", "live:cam.sdp",
                registry.open("/live/cam.sdp").path());
        assertEquals("feeds:cam.sdp", registry.open("/cam.sdp").path());
        registry.addSource(source("live feeds"), Map.of(MediaSource.MOUNT, "/live", MediaSource.SUFFIX, ".SDP "));
        assertEquals("live feeds:cam.sdp", registry.open("/live/cam.sdp").path());
        assertEquals("live:cam", registry.open("/live/cam").path());
    }

    @Test
    public void suffixSourceAloneAnswersNotFoundForOtherNames() {
        MountRegistryImpl registry = new MountRegistryImpl();
        MediaSource feeds = source("feeds");
        registry.addSource(feeds, Map.of(MediaSource.MOUNT, "/", MediaSource.SUFFIX, ".sdp"));
        MediaException e = assertThrows(MediaException.class, () -> registry.open("/sample.mp4"));
        assertEquals(MediaException.Reason.NOT_FOUND, e.reason());
        registry.removeSource(feeds, Map.of(MediaSource.MOUNT, "/", MediaSource.SUFFIX, ".sdp"));
        assertThrows(MediaException.class, () -> registry.open("/cam.sdp"));
    }

    @Test
    public void suffixSourceDoesNotReplaceTheFolderAtItsMount() {
        MountRegistryImpl registry = new MountRegistryImpl();
        registry.addSource(source("files"), Map.of(MediaSource.MOUNT, "/"));
        registry.addSource(source("feeds"), Map.of(MediaSource.MOUNT, "/", MediaSource.SUFFIX, ".sdp"));
        assertEquals(Map.of("/", "files", "/*.sdp", "feeds"), registry.mounts());
    }
}
