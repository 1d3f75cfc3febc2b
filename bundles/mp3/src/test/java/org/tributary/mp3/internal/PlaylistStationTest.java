package org.tributary.mp3.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PlaylistStationTest {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private Path media;
    private Path outside;

    @Before
    public void folders() throws IOException {
        media = temp.newFolder("media").toPath();
        outside = temp.newFolder("outside").toPath();
        Files.createDirectories(media.resolve("music"));
        for (String name : List.of("b.mp3", "a.MP3", "notes.txt")) {
            Files.write(media.resolve("music").resolve(name), TestFrames.frames(2));
        }
        Files.write(outside.resolve("secret.mp3"), TestFrames.frames(2));
        Files.createSymbolicLink(media.resolve("music").resolve("c.mp3"), outside.resolve("secret.mp3"));
    }

    /** @return a configuration with the given values and the defaults of the others */
    private Mp3PlaylistConfig config(Map<String, Object> values) {
        Map<String, Object> all = new java.util.HashMap<>(values);
        all.putIfAbsent("mediaFolder", media.toString());
        return (Mp3PlaylistConfig) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Mp3PlaylistConfig.class},
                (proxy, method, args) -> all.containsKey(method.getName()) ? all.get(method.getName())
                        : method.getDefaultValue());
    }

    @Test
    public void aFolderPlaysItsMp3FilesByNameAndNothingOutsideTheMediaFolder() {
        PlaylistStation station = new PlaylistStation(config(Map.of("mount", "/jukebox", "folder", "music")));
        List<Path> files = station.list();
        assertEquals(2, files.size());
        assertTrue(files.get(0).endsWith("a.MP3"));
        assertTrue(files.get(1).endsWith("b.mp3"));
    }

    @Test
    public void listedFilesAreConfinedToo() throws IOException {
        PlaylistStation station = new PlaylistStation(config(Map.of("mount", "/jukebox", "files",
                new String[] {"music/b.mp3; ../outside/secret.mp3", outside.resolve("secret.mp3").toString(),
                    "music/c.mp3", "music/missing.mp3"})));
        List<Path> files = station.list();
        assertEquals(1, files.size());
        assertEquals(media.resolve("music/b.mp3").toRealPath(), files.get(0));
    }

    @Test
    public void aFolderOutsideOrMissingGivesAnEmptyPlaylistAndNoStation() {
        assertTrue(new PlaylistStation(config(Map.of("mount", "/a", "folder", "../outside"))).list().isEmpty());
        PlaylistStation missing = new PlaylistStation(config(Map.of("mount", "/a", "folder", "nothing")));
        assertTrue(missing.list().isEmpty());
        Stations stations = new Stations();
        missing.start(stations, Mp3Settings.DEFAULTS);
        assertNull(stations.find("/a"));
        missing.stop();
    }

    @Test
    public void badSettingsAreRefusedByName() {
        assertThrows(IllegalArgumentException.class, () -> new PlaylistStation(config(Map.of("mount", "jukebox"))));
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> new PlaylistStation(config(Map.of("mount", "/j", "order", "random"))));
        assertTrue(order.getMessage().contains("order"));
        IllegalArgumentException fallback = assertThrows(IllegalArgumentException.class,
                () -> new PlaylistStation(config(Map.of("mount", "/j", "fallbackFor", new String[] {"/j"}))));
        assertTrue(fallback.getMessage().contains("fallbackFor"));
    }

    @Test
    public void aStartedStationIsOnAirAsTheFallbackOfItsMountsUntilStopped() {
        PlaylistStation playlist = new PlaylistStation(config(Map.of("mount", "/jukebox", "folder", "music",
                "fallbackFor", new String[] {"/radio;/news"})));
        Stations stations = new Stations();
        playlist.start(stations, Mp3Settings.DEFAULTS);
        Station station = stations.find("/jukebox");
        assertNotNull(station);
        assertEquals("playlist:jukebox", station.info().sourceAddress());
        assertEquals(station, stations.findForListener("/news"));
        playlist.stop();
        assertNull(stations.find("/jukebox"));
        assertNull(stations.findForListener("/radio"));
    }
}
