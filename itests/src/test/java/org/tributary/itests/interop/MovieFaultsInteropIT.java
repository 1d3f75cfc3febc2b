package org.tributary.itests.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.interop.InterleavedViewers.Outcome;
import org.tributary.itests.support.RtspResponse;
import org.tributary.itests.support.SessionDescription;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * A movie deleted, truncated or replaced under 20 viewers, while a bystander plays another movie. The
 * server reads a movie through a file channel each viewer opened at PLAY, so (intended, as any Unix file
 * server) a deleted or replaced movie plays on to its end for the viewers that had it open, and ends with
 * RTCP BYE; new requests see the folder as it is now: 404 after the delete, the new movie after the
 * replacement. A truncated movie ends its viewers with BYE where the cut is (a WARN line names the file),
 * and a new DESCRIBE is refused with a line naming it.
 */
public class MovieFaultsInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution();

    private static final int VIEWERS = 20;
    /** The fault strikes at once: the bystander only has to play while it does. */
    private static final int BYSTANDER_SECONDS = 10;
    private static final int REPLACEMENT_SECONDS = 20;
    /** The 10 s sample, its last frame's duration and the start of the first less. */
    private static final double WHOLE_MOVIE_SECONDS = 9.5;
    private static final Duration ENDS_WITHIN = Duration.ofSeconds(40);
    /** Cut well before the end of the ~600 KB sample, well after what the viewers read in the first second. */
    private static final long TRUNCATED_BYTES = 300 * 1024;

    @Before
    public void needsFfmpeg() {
        Tools.require("ffmpeg");
    }

    @Test
    public void deletedMoviePlaysOnForItsViewersAndNewRequestsGet404() throws IOException {
        Path movie = copyOfSample("deleted.mp4");
        List<Outcome> ended = underViewers(movie, () -> Files.delete(movie));
        assertEveryViewer("played the deleted movie to its end and got BYE", ended,
                o -> o.end().equals("bye") && o.videoSeconds() >= WHOLE_MOVIE_SECONDS);
        assertEquals("DESCRIBE after the delete", 404, LiveClients.describeStatus(SERVER, "deleted.mp4"));
    }

    @Test
    public void replacedMoviePlaysOnForItsViewersAndNewRequestsGetTheNewMovie() throws IOException {
        Path movie = copyOfSample("replaced.mp4");
        Path longer = Bystander.movieOf(SERVER, REPLACEMENT_SECONDS);
        List<Outcome> ended = underViewers(movie, () -> {
            Path staging = Files.copy(longer, SERVER.home().resolve("replacement.mp4"));
            Files.move(staging, movie, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        });
        assertEveryViewer("played the replaced movie to its end and got BYE", ended,
                o -> o.end().equals("bye") && o.videoSeconds() >= WHOLE_MOVIE_SECONDS
                        && o.videoSeconds() < REPLACEMENT_SECONDS - 1);
        RtspResponse describe = LiveClients.describe(SERVER, "replaced.mp4");
        assertEquals("DESCRIBE after the replacement" + describe.describe(), 200, describe.status());
        double duration = SessionDescription.parse(describe.body(), SERVER.url("replaced.mp4")).durationSeconds();
        assertTrue("DESCRIBE after the replacement must describe the " + REPLACEMENT_SECONDS + " s movie, not "
                + duration + " s" + describe.describe(), duration > REPLACEMENT_SECONDS - 1);
    }

    @Test
    public void truncatedMovieEndsItsViewersWithByeAndIsRefusedByName() throws IOException {
        Path movie = copyOfSample("truncated-while-played.mp4");
        int mark = AccessAssertions.logMark(SERVER);
        List<Outcome> ended = underViewers(movie, () -> {
            try (FileChannel file = FileChannel.open(movie, StandardOpenOption.WRITE)) {
                file.truncate(TRUNCATED_BYTES);
            }
        });
        assertEveryViewer("got BYE where the movie was cut", ended,
                o -> o.end().equals("bye") && o.videoSeconds() > 0 && o.videoSeconds() < WHOLE_MOVIE_SECONDS);
        AccessAssertions.awaitLogLine(SERVER, mark, "truncated-while-played.mp4 ends inside sample");
        int refused = AccessAssertions.logMark(SERVER);
        long warnings = SERVER.logText().substring(mark, refused).lines()
                .filter(line -> line.contains("truncated-while-played.mp4 ends inside sample")).count();
        assertTrue("one WARN for the movie, not one per viewer (" + warnings + " for " + ended.size() + " viewers)",
                warnings <= 2);
        RtspResponse describe = LiveClients.describe(SERVER, "truncated-while-played.mp4");
        assertEquals("DESCRIBE of the truncated movie" + describe.describe(), 500, describe.status());
        AccessAssertions.awaitLogLine(SERVER, refused, "truncated-while-played.mp4");
    }

    /** A change made to the movie's file while its viewers play it. */
    private interface FileChange {
        void apply() throws IOException;
    }

    /**
     * Starts the bystander and {@value #VIEWERS} viewers of {@code movie}, applies {@code change} once they
     * received their first second, and returns how the viewers ended; the bystander must play every packet.
     */
    private static List<Outcome> underViewers(Path movie, FileChange change) throws IOException {
        try (Bystander bystander = Bystander.start(SERVER, BYSTANDER_SECONDS, "udp");
                InterleavedViewers viewers = InterleavedViewers.play(SERVER, movie.getFileName().toString(), VIEWERS)) {
            change.apply();
            List<Outcome> ended = viewers.awaitEnd(ENDS_WITHIN);
            bystander.assertPlayedEveryPacket();
            return ended;
        }
    }

    private static void assertEveryViewer(String what, List<Outcome> ended, Predicate<Outcome> check) {
        assertEquals(VIEWERS + " viewers " + what + ": " + ended + SERVER.recentLog(),
                VIEWERS, ended.stream().filter(check).count());
    }

    private static Path copyOfSample(String name) throws IOException {
        Path staging = Files.copy(SERVER.mediaDir().resolve("sample.mp4"), SERVER.home().resolve(name));
        return Files.move(staging, SERVER.mediaDir().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
