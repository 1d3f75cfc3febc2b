package org.tributary.source.file.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.tributary.api.Codec;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.api.MediaPresentation;
import org.tributary.api.MediaReader;
import org.tributary.api.MediaSample;

/** The component as the RTSP server uses it, configured through its plain {@code open} method. */
public class FileMediaSourceTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final AtomicInteger channelsOpened = new AtomicInteger();
    private Path media;
    private FileMediaSource source;
    private String karafHome;

    @Before
    public void createSource() throws Exception {
        karafHome = System.getProperty("karaf.home");
        media = temp.newFolder("media").toPath();
        Files.copy(resource("sample.mp4"), media.resolve("sample.mp4"));
        source = new FileMediaSource(file -> {
            channelsOpened.incrementAndGet();
            return FileChannel.open(file);
        });
        source.open(media.toString(), 64);
    }

    @After
    public void restoreKarafHome() {
        if (karafHome == null) {
            System.clearProperty("karaf.home");
        } else {
            System.setProperty("karaf.home", karafHome);
        }
    }

    private static Path resource(String name) throws Exception {
        return Paths.get(FileMediaSourceTest.class.getResource("/" + name).toURI());
    }

    @Test
    public void playsAMovieOfTheFolder() throws Exception {
        MediaPresentation movie = source.open("sample.mp4");
        assertEquals("sample.mp4", movie.path());
        assertEquals(2, movie.tracks().size());
        assertEquals(Codec.H264, movie.tracks().get(0).codec());
        assertEquals(Codec.AAC, movie.tracks().get(1).codec());
        try (MediaReader reader = movie.openReader()) {
            assertEquals(4.0, reader.seek(5.0), 0);
            MediaSample first = reader.next();
            assertNotNull(first);
        }
    }

    @Test
    public void playsAnMp3FileAndIndexesItOnce() throws Exception {
        Files.copy(resource("tiny.mp3"), media.resolve("Tone.MP3"));

        MediaPresentation song = source.open("Tone.MP3");
        source.open("Tone.MP3");

        assertEquals(1, song.tracks().size());
        assertEquals(Codec.MP3, song.tracks().get(0).codec());
        assertEquals(40 * 1152 / 44_100.0, song.duration(), 1e-9);
        assertEquals("the second open uses the cached frame index", 1, channelsOpened.get());
        try (MediaReader reader = song.openReader()) {
            assertEquals(1152, reader.seek(0.03) * 44_100, 1e-6);
        }
    }

    @Test
    public void describesTheFolder() {
        assertEquals("files in " + media.toAbsolutePath(), source.description());
    }

    @Test
    public void defaultFolderIsUnderKarafHome() {
        System.setProperty("karaf.home", temp.getRoot().getPath());
        FileMediaSource fresh = new FileMediaSource();
        assertEquals("files in " + temp.getRoot().toPath().resolve("media").toAbsolutePath(), fresh.description());
        System.clearProperty("karaf.home");
        fresh.open("", 64);
        assertEquals("files in " + Paths.get("media").toAbsolutePath(), fresh.description());
    }

    @Test
    public void fileCopiedInLaterIsFound() throws Exception {
        assertReason("later.mov", Reason.NOT_FOUND);
        Files.copy(resource("sample.mov"), media.resolve("later.mov"));
        assertEquals(2, source.open("later.mov").tracks().size());
    }

    @Test
    public void aFolderThatCannotBeReadIsReportedOnceUntilItCanAgain() throws Exception {
        Path moved = media.resolveSibling("moved-away");
        Files.move(media, moved);
        assertReason("sample.mp4", Reason.NOT_FOUND);
        assertTrue("the missing folder is reported", source.folderReportedUnreadable());
        Files.move(moved, media);
        assertEquals(2, source.open("sample.mp4").tracks().size());
        assertFalse("reported no more once a movie of it plays", source.folderReportedUnreadable());
        assertReason("no-such-movie.mp4", Reason.NOT_FOUND);
        assertFalse("a missing movie in a readable folder is no folder problem", source.folderReportedUnreadable());
    }

    @Test
    public void pathsLeavingTheFolderAreNotFound() throws Exception {
        Path outside = temp.newFolder("outside").toPath();
        Files.copy(resource("sample.mp4"), outside.resolve("secret.mp4"));
        Files.createSymbolicLink(media.resolve("escape.mp4"), outside.resolve("secret.mp4"));
        Files.createSymbolicLink(media.resolve("inside.mp4"), media.resolve("sample.mp4"));
        for (String path : new String[] {"../x", "a/../../etc/passwd", "/etc/passwd", "../outside/secret.mp4",
            "escape.mp4"}) {
            assertReason(path, Reason.NOT_FOUND);
        }
        assertEquals(2, source.open("inside.mp4").tracks().size());
    }

    @Test
    public void truncatedMovieIsCorruptAndNamed() throws Exception {
        byte[] movie = Files.readAllBytes(resource("sample.mp4"));
        Files.write(media.resolve("cut.mp4"), Arrays.copyOf(movie, movie.length / 2));
        MediaException e = assertReason("cut.mp4", Reason.CORRUPT);
        assertTrue(e.getMessage(), e.getMessage().contains("cut.mp4"));
    }

    @Test
    public void foreignContentIsRefusedAndNamed() throws Exception {
        Files.writeString(media.resolve("readme.mp4"), "This is a text file, not a movie.");
        Files.writeString(media.resolve("readme.txt"), "This is a text file.");
        assertTrue(assertReason("readme.mp4", Reason.UNSUPPORTED).getMessage().contains("readme.mp4"));
        assertTrue(assertReason("readme.txt", Reason.UNSUPPORTED).getMessage().contains("readme.txt"));
    }

    @Test
    public void viewersOfOneMovieShareOneParse() throws Exception {
        source.open("sample.mp4");
        source.open("sample.mp4");
        assertEquals("one channel for one parse", 1, channelsOpened.get());
        source.open(media.toString(), 0);
        source.open("sample.mp4");
        source.open("sample.mp4");
        assertEquals(3, channelsOpened.get());
    }

    @Test
    public void replacedFileIsParsedAgain() throws Exception {
        assertEquals(2, source.open("sample.mp4").tracks().size());
        Path replacement = media.resolve("replacement.tmp");
        Files.copy(resource("tiny-mp3.mp4"), replacement);
        Files.setLastModifiedTime(replacement, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Files.move(replacement, media.resolve("sample.mp4"), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(Codec.MP3, source.open("sample.mp4").tracks().get(0).codec());
    }

    @Test
    public void removedFileCannotStartAReader() throws Exception {
        MediaPresentation movie = source.open("sample.mp4");
        Files.delete(media.resolve("sample.mp4"));
        try (MediaReader reader = movie.openReader()) {
            fail("opened a reader on a removed file");
        } catch (MediaException e) {
            assertEquals(Reason.NOT_FOUND, e.reason());
        }
    }

    private MediaException assertReason(String path, Reason reason) {
        try {
            source.open(path);
            throw new AssertionError("'" + path + "' was opened");
        } catch (MediaException e) {
            assertEquals(path + ": " + e.getMessage(), reason, e.reason());
            return e;
        }
    }
}
