package org.tributary.source.file.internal.mp4;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.tributary.source.file.internal.mp4.TestMovies.assertFails;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;

/** Damaged and foreign files fail with CORRUPT or UNSUPPORTED naming the file, never with a crash. */
public class CorruptMoviesTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void truncatedFilesAreCorrupt() throws Exception {
        byte[] movie = Files.readAllBytes(TestMovies.resource("sample.mp4"));
        for (int length : new int[] {0, 7, 100, 4000, 8952, 9000, 300_000, movie.length - 1}) {
            assertFails(write("cut-" + length + ".mp4", Arrays.copyOf(movie, length)), Reason.CORRUPT);
        }
        byte[] moovAtEnd = Files.readAllBytes(TestMovies.resource("sample-moov-at-end.mp4"));
        for (int length : new int[] {60_000, moovAtEnd.length - 100}) {
            assertFails(write("end-cut-" + length + ".mp4", Arrays.copyOf(moovAtEnd, length)), Reason.CORRUPT);
        }
    }

    @Test
    public void sampleCountsBeyondTheirTableAreCorrupt() throws Exception {
        byte[] movie = Files.readAllBytes(TestMovies.resource("sample.mp4"));
        int countField = TestMovies.anyBox(movie, "stsz") + 16;
        for (int count : new int[] {251, 0x00FF_FFFF, 0x7FFF_FFFF, -1}) {
            ByteBuffer.wrap(movie).putInt(countField, count);
            MediaException e = assertFails(write("stsz-" + count + ".mp4", movie), Reason.CORRUPT);
            assertTrue(e.getMessage(), e.getMessage().contains("stsz"));
        }
    }

    @Test
    public void chunkOffsetOutsideTheFileIsCorrupt() throws Exception {
        byte[] movie = Files.readAllBytes(TestMovies.resource("sample.mp4"));
        ByteBuffer.wrap(movie).putInt(TestMovies.anyBox(movie, "stco") + 16, movie.length - 10);
        MediaException e = assertFails(write("stco.mp4", movie), Reason.CORRUPT);
        assertTrue(e.getMessage(), e.getMessage().contains("beyond the end of the file"));
    }

    @Test
    public void textFileIsNotAMovie() throws Exception {
        Path file = write("notes.mp4", "Hello, this is not a movie.\n".getBytes(StandardCharsets.US_ASCII));
        assertFails(file, Reason.UNSUPPORTED);
    }

    @Test
    public void oversizedMovieHeaderIsRefusedWithoutReadingIt() throws Exception {
        Path file = temp.newFile("huge-moov.mp4").toPath();
        long moovSize = MoovLocator.MAX_MOOV_BYTES + 9L;
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(MovieBuilder.box("ftyp", MovieBuilder.ascii("isom"), new byte[4]));
            out.write(MovieBuilder.u32(moovSize));
            out.write(MovieBuilder.ascii("moov"));
            out.setLength(out.length() - 8 + moovSize); // sparse: costs no disk
        }
        MediaException e = assertFails(file, Reason.UNSUPPORTED);
        assertTrue(e.getMessage(), e.getMessage().contains("above the limit"));
    }

    /** Random byte damage inside the movie header: every outcome is a sample list or a MediaException. */
    @Test
    public void randomDamageToTheMovieHeaderNeverEscapesAsAnotherException() throws Exception {
        byte[] original = Files.readAllBytes(TestMovies.resource("sample-ctts1.mp4"));
        int moov = TestMovies.topLevelBox(original, "moov");
        int moovSize = ByteBuffer.wrap(original).getInt(moov);
        Random random = new Random(20_240_601);
        Path file = temp.newFile("damaged.mp4").toPath();
        int failures = 0;
        for (int round = 0; round < 600; round++) {
            byte[] movie = original.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                movie[moov + 8 + random.nextInt(moovSize - 8)] = (byte) random.nextInt(256);
            }
            Files.write(file, movie);
            try {
                TestMovies.readAll(file);
            } catch (MediaException e) {
                assertNotEquals(e.getMessage(), Reason.NOT_FOUND, e.reason());
                assertTrue(e.getMessage(), e.getMessage().contains("damaged.mp4"));
                failures++;
            }
        }
        assertTrue("damage was never detected", failures > 0);
    }

    @Test
    public void truncationAtEveryBoxBoundaryOfTheHeaderIsCorrupt() throws Exception {
        byte[] movie = Files.readAllBytes(TestMovies.resource("tiny-h265-opus.mp4"));
        int moov = TestMovies.topLevelBox(movie, "moov");
        int moovEnd = moov + ByteBuffer.wrap(movie).getInt(moov);
        Path file = temp.newFile("tiny-cut.mp4").toPath();
        for (int length = moov; length < moovEnd; length += 37) {
            Files.write(file, Arrays.copyOf(movie, length));
            assertEquals(Reason.CORRUPT, assertFails(file, Reason.CORRUPT).reason());
        }
    }

    private Path write(String name, byte[] content) throws Exception {
        return TestMovies.write(temp.newFile(name).toPath(), content);
    }
}
