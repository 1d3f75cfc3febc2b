package org.tributary.source.file.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.api.MediaItem;

/** The media folder for management: listing with its cache, and uploads and deletes with hostile names. */
public class MediaLibraryComponentTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final AtomicInteger opened = new AtomicInteger();
    private Path media;
    private Path outside;
    private MediaLibraryComponent library;

    @Before
    public void createLibrary() throws Exception {
        media = temp.newFolder("media").toPath();
        outside = temp.newFolder("outside").toPath();
        Files.copy(resource("sample.mp4"), media.resolve("sample.mp4"));
        Files.createDirectory(media.resolve("music"));
        Files.copy(resource("tiny.mp3"), media.resolve("music/tiny.mp3"));
        library = new MediaLibraryComponent(file -> {
            opened.incrementAndGet();
            return FileChannel.open(file);
        });
        library.open(media.toString(), 1);
    }

    private static Path resource(String name) throws Exception {
        return Paths.get(MediaLibraryComponentTest.class.getResource("/" + name).toURI());
    }

    private static InputStream bytesOf(Path file) throws IOException {
        return new ByteArrayInputStream(Files.readAllBytes(file));
    }

    @Test
    public void listsMoviesAndMp3FilesWithDurationCodecsAndBitRate() throws Exception {
        List<MediaItem> items = library.list();

        assertEquals(List.of("music/tiny.mp3", "sample.mp4"), items.stream().map(MediaItem::path).toList());
        MediaItem movie = items.get(1);
        assertEquals(List.of("H264", "MPEG4-GENERIC"), movie.codecs());
        assertEquals(10, movie.durationSeconds(), 0.5);
        assertEquals(Files.size(media.resolve("sample.mp4")), movie.size());
        assertEquals(movie.size() * 8 / movie.durationSeconds(), movie.bitRate(), 1000);
        assertEquals("", movie.problem());
        assertEquals(List.of("MPA"), items.get(0).codecs());
    }

    @Test
    public void aListingDoesNotParseUnchangedFilesAgain() throws Exception {
        library.list();
        int first = opened.get();
        library.list();
        assertEquals("the second listing reads nothing", first, opened.get());

        Files.write(media.resolve("sample.mp4"), new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
        library.list();
        assertEquals("only the changed file is read again", first + 1, opened.get());
    }

    @Test
    public void aDamagedFileIsListedWithItsProblem() throws Exception {
        Files.write(media.resolve("broken.mov"), "not a movie at all".getBytes(StandardCharsets.UTF_8));
        MediaItem broken = library.list().get(0);
        assertEquals("broken.mov", broken.path());
        assertFalse(broken.problem().isEmpty());
        assertFalse(broken.problem().contains("\n"));
        assertEquals(List.of(), broken.codecs());
    }

    @Test
    public void hiddenFilesUploadsInProgressAndOtherFilesAreNotListed() throws Exception {
        Files.copy(resource("sample.mp4"), media.resolve(".hidden.mp4"));
        Files.copy(resource("sample.mp4"), media.resolve(".upload-1.partial"));
        Files.copy(resource("sample.mp4"), media.resolve("x.mp4.partial"));
        Files.writeString(media.resolve("notes.txt"), "hello");
        Files.createDirectory(media.resolve(".trash"));
        Files.copy(resource("sample.mp4"), media.resolve(".trash/old.mp4"));
        Files.copy(resource("sample.mp4"), outside.resolve("secret.mp4"));
        Files.createSymbolicLink(media.resolve("escape.mp4"), outside.resolve("secret.mp4"));

        assertEquals(List.of("music/tiny.mp3", "sample.mp4"), library.list().stream().map(MediaItem::path).toList());
    }

    @Test
    public void storesAPlayableMovieAndListsIt() throws Exception {
        MediaItem stored = library.store("music/copy.mov", bytesOf(resource("sample.mov")));

        assertEquals("music/copy.mov", stored.path());
        assertEquals(List.of("H264", "MPEG4-GENERIC"), stored.codecs());
        assertArrayEquals(Files.readAllBytes(resource("sample.mov")), Files.readAllBytes(media.resolve("music/copy.mov")));
        assertTrue(library.list().stream().anyMatch(i -> i.path().equals("music/copy.mov")));
        assertNothingLeftBehind();
    }

    @Test
    public void hostileNamesAreRefusedBeforeAnythingIsWritten() throws Exception {
        Files.createSymbolicLink(media.resolve("out"), outside);
        for (String name : List.of("../evil.mp4", "/tmp/evil.mp4", "a/../../evil.mp4", "nul\0.mp4", "tab\t.mp4",
                ".hidden.mp4", "music/.hidden.mp4", ".trash/x.mp4", "x.mp4.partial", "out/evil.mp4",
                "C:evil.mp4", "back\\slash.mp4", "%2e%2e/evil.mp4", "missing/x.mp4", "", "evil.sh", "music")) {
            MediaException e = assertThrows(name, MediaException.class,
                    () -> library.store(name, bytesOf(resource("sample.mp4"))));
            assertEquals(name, Reason.INVALID, e.reason());
            assertFalse(name + ": no control character in " + e.getMessage(),
                    e.getMessage().chars().anyMatch(Character::isISOControl));
        }
        try (Stream<Path> files = Files.list(outside)) {
            assertEquals("nothing written outside", 0, files.count());
        }
        assertNothingLeftBehind();
    }

    @Test
    public void aFileThatIsNotPlayableIsRefusedAndRemoved() throws Exception {
        byte[] text = "#!/bin/sh\necho not a movie\n".getBytes(StandardCharsets.UTF_8);
        MediaException e = assertThrows(MediaException.class,
                () -> library.store("fake.mp4", new ByteArrayInputStream(text)));
        assertEquals(Reason.UNSUPPORTED, e.reason());
        // a movie under an MP3 name is checked by the MP3 reader, which plays it only when it holds MP3 frames
        MediaException mp3 = assertThrows(MediaException.class,
                () -> library.store("movie.mp3", new ByteArrayInputStream(text)));
        assertEquals(Reason.UNSUPPORTED, mp3.reason());
        assertFalse(Files.exists(media.resolve("fake.mp4")));
        assertNothingLeftBehind();
    }

    @Test
    public void anUploadOverTheLimitIsRefusedAndRemoved() throws Exception {
        library.open(media.toString(), 1);
        assertEquals(1024 * 1024, library.maxUploadBytes());
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }
        };
        MediaException e = assertThrows(MediaException.class, () -> library.store("big.mp4", endless));
        assertEquals(Reason.INVALID, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("limit"));
        assertFalse(Files.exists(media.resolve("big.mp4")));
        assertNothingLeftBehind();
    }

    @Test
    public void anExistingFileIsNotReplaced() throws Exception {
        byte[] before = Files.readAllBytes(media.resolve("sample.mp4"));
        MediaException e = assertThrows(MediaException.class,
                () -> library.store("sample.mp4", bytesOf(resource("sample.mov"))));
        assertEquals(Reason.BUSY, e.reason());
        assertArrayEquals(before, Files.readAllBytes(media.resolve("sample.mp4")));
        assertNothingLeftBehind();
    }

    @Test
    public void deletesConfinedToTheFolder() throws Exception {
        Files.copy(resource("sample.mp4"), outside.resolve("secret.mp4"));
        Files.createSymbolicLink(media.resolve("escape.mp4"), outside.resolve("secret.mp4"));
        for (String name : List.of("../outside/secret.mp4", "escape.mp4", "/etc/passwd", "nosuch.mp4", "music",
                "nul\0.mp4")) {
            MediaException e = assertThrows(name, MediaException.class, () -> library.delete(name));
            assertTrue(name + ": " + e.reason(), e.reason() == Reason.INVALID || e.reason() == Reason.NOT_FOUND);
        }
        assertTrue(Files.exists(outside.resolve("secret.mp4")));
        assertTrue(Files.isDirectory(media.resolve("music")));

        library.delete("music/tiny.mp3");
        assertFalse(Files.exists(media.resolve("music/tiny.mp3")));
        assertEquals(List.of("sample.mp4"), library.list().stream().map(MediaItem::path).toList());
    }

    private void assertNothingLeftBehind() throws IOException {
        try (Stream<Path> files = Files.walk(media)) {
            List<Path> partial = files.filter(f -> f.getFileName().toString().endsWith(".partial")).toList();
            assertEquals("no temporary file left", List.of(), partial);
        }
    }
}
