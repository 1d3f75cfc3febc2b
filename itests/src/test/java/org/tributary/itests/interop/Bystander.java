package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.TributaryDistribution;

/**
 * The viewer a fault must not touch: a real ffmpeg playing a movie of its own ({@code bystander-Ns.mp4},
 * the sample looped to N seconds, made in the media folder on first use) over UDP or TCP, receiving packets
 * before the fault (start returns once it has its first), that must then play every packet of that movie with
 * no error or loss line.
 */
final class Bystander implements AutoCloseable {

    private static final Duration MAKE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration FIRST_PACKET_WITHIN = Duration.ofSeconds(20);

    private final String description;
    private final Path movie;
    private final RunningCommand viewer;

    private Bystander(String description, Path movie, RunningCommand viewer) {
        this.description = description;
        this.movie = movie;
        this.viewer = viewer;
    }

    /**
     * Starts ffmpeg playing a movie of {@code seconds} (a multiple of the 10 s sample) from {@code server}
     * over {@code transport}; returns at once.
     */
    static Bystander start(TributaryDistribution server, int seconds, String transport) {
        Path movie = movieOf(server, seconds);
        String name = movie.getFileName().toString();
        List<String> command = List.of("ffmpeg", "-nostdin", "-v", "warning", "-rtsp_transport", transport,
                "-i", server.url(name), "-map", "0", "-c", "copy", "-flush_packets", "1", "-f", "framecrc", "-");
        Bystander bystander = new Bystander("bystander playing " + name + " over " + transport, movie,
                RunningCommand.start(command));
        try {
            await(bystander.description + ": its first packet").atMost(FIRST_PACKET_WITHIN)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> !bystander.viewer.isAlive() || bystander.viewer.stdoutSoFar().contains("\n0,"));
        } catch (RuntimeException | Error e) {
            bystander.close();
            throw e;
        }
        return bystander;
    }

    /** Returns true while the bystander still plays. */
    boolean isPlaying() {
        return viewer.isAlive();
    }

    /**
     * Waits for the bystander to reach the end of its movie and asserts that it exited 0, reported no
     * error or loss, and received exactly the packets per stream the movie holds.
     */
    void assertPlayedEveryPacket() {
        ProcessResult play = viewer.awaitExit(Ffmpeg.PLAY_TIMEOUT);
        assertEquals(description + ": exit code" + play.describe(), 0, play.exitCode());
        assertEquals(description + ": errors or loss" + play.describe(), List.of(), Ffmpeg.problemLines(play));
        assertEquals(description + ": packets per stream (video, audio)" + play.describe(),
                PlaybackAssertions.countsOfFile(movie), PacketCounts.ofFramecrc(play.stdout()));
    }

    @Override
    public void close() {
        viewer.close();
    }

    /** Returns the sample looped to {@code seconds} in the server's media folder, made on first use. */
    static synchronized Path movieOf(TributaryDistribution server, int seconds) {
        Path movie = server.mediaDir().resolve("bystander-" + seconds + "s.mp4");
        if (Files.exists(movie)) {
            return movie;
        }
        Path staging = server.home().resolve(movie.getFileName());
        ProcessResult make = ExternalCommand.of("ffmpeg", "-nostdin", "-v", "error", "-y",
                        "-stream_loop", Integer.toString(Math.max(0, seconds / 10 - 1)),
                        "-i", server.mediaDir().resolve("sample.mp4").toString(),
                        "-c", "copy", "-movflags", "+faststart", staging.toString())
                .timeout(MAKE_TIMEOUT).run();
        assertEquals("making " + movie.getFileName() + make.describe(), 0, make.exitCode());
        try {
            // moved in whole: the server never sees a half-written movie
            return Files.move(staging, movie);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + staging + " into the media folder", e);
        }
    }
}
