package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.RtspResponse;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.TributaryDistribution;

/**
 * The publishers and viewers of the live broadcast tests (ffmpeg and GStreamer, see INTEROP.md),
 * and the checks of what a path answers to DESCRIBE while it is, or is no longer, on the air.
 */
final class LiveClients {

    /** The user of group {@code broadcaster} that publishes; the tests write it into etc/qtusers. */
    static final Login BROADCASTER = new Login("bob", "pw");
    /** Long enough for a 10 s movie in real time plus the joins, on a loaded machine. */
    static final Duration VIEWER_TIMEOUT = Duration.ofSeconds(60);

    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(20);

    private LiveClients() {
    }

    /** Returns the users and groups files that make {@link #BROADCASTER} a member of group broadcaster. */
    static TributaryDistribution withBroadcaster(TributaryDistribution server) {
        return server.withFile("etc/qtusers", QtUsers.text(BROADCASTER))
                .withFile("etc/qtgroups", "broadcaster: " + BROADCASTER.user() + "\n");
    }

    /**
     * Starts ffmpeg pushing {@code movie} in real time ({@code -re}) to {@code url} with ANNOUNCE
     * and RECORD over {@code transport} (udp or tcp); {@code loop} repeats the movie until stopped.
     */
    static RunningCommand publish(Path movie, String url, String transport, boolean loop) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "warning", "-re"));
        if (loop) {
            command.addAll(List.of("-stream_loop", "-1"));
        }
        command.addAll(List.of("-i", movie.toString(), "-c", "copy", "-f", "rtsp", "-rtsp_transport", transport, url));
        return RunningCommand.start(command);
    }

    /**
     * Starts ffmpeg sending {@code movie}, looped in real time, as plain RTP: its video to
     * 127.0.0.1:{@code videoPort} (RTCP on the next port), its audio to 127.0.0.1:{@code audioPort},
     * and the SDP that describes both written to {@code sdpFile} once sending starts.
     */
    static RunningCommand sendRtp(Path movie, int videoPort, int audioPort, Path sdpFile) {
        return RunningCommand.start(List.of("ffmpeg", "-nostdin", "-v", "warning", "-re", "-stream_loop", "-1",
                "-i", movie.toString(),
                "-map", "0:v", "-c", "copy", "-f", "rtp", "rtp://127.0.0.1:" + videoPort + "?rtcpport=" + (videoPort + 1),
                "-map", "0:a", "-c", "copy", "-f", "rtp", "rtp://127.0.0.1:" + audioPort,
                "-sdp_file", sdpFile.toString()));
    }

    /**
     * Starts ffmpeg decoding every stream of {@code url} over {@code transport} for {@code seconds}
     * into a framecrc listing of decoded frames; any decoder complaint shows on stderr
     * ({@code -v error}). A negative {@code seconds} decodes until the stream ends.
     */
    static RunningCommand decode(String url, String transport, int seconds) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error",
                "-rtsp_transport", transport, "-i", url, "-map", "0"));
        if (seconds >= 0) {
            command.addAll(List.of("-t", Integer.toString(seconds)));
        }
        command.addAll(List.of("-f", "framecrc", "-"));
        return RunningCommand.start(command);
    }

    /**
     * Starts ffmpeg copying the video packets of {@code url} as received, for {@code seconds}, into a
     * framecrc listing: a key frame's line has no flags column, every other line ends {@code F=0x0}.
     */
    static RunningCommand copyVideo(String url, String transport, int seconds) {
        return RunningCommand.start(List.of("ffmpeg", "-nostdin", "-v", "warning", "-rtsp_transport", transport,
                "-i", url, "-map", "0:v", "-c", "copy", "-t", Integer.toString(seconds), "-f", "framecrc", "-"));
    }

    /** Starts GStreamer playing and decoding both tracks of {@code url} over {@code protocol}, without login. */
    static RunningCommand gstreamer(String url, String protocol) {
        return RunningCommand.start(Gstreamer.command(url, protocol));
    }

    /**
     * Asserts that a decoding viewer ended with exit 0, no line on stderr, and at least
     * {@code minVideoFrames} decoded video frames and some audio.
     */
    static void assertDecodedCleanly(String viewer, ProcessResult decode, long minVideoFrames) {
        assertEquals(viewer + " exit code" + decode.describe(), 0, decode.exitCode());
        assertEquals(viewer + " reported decoding errors" + decode.describe(), "", decode.stderr().strip());
        PacketCounts frames = PacketCounts.ofFramecrc(decode.stdout());
        assertTrue(viewer + " decoded " + frames + ", expected at least " + minVideoFrames + " video frames and audio"
                + decode.describe(), frames.video() >= minVideoFrames && frames.audio() > 0);
    }

    /**
     * Waits (up to 20 s) until every one of {@code viewers} (started by {@link #decode}) has decoded at least
     * {@code minVideoFrames} video frames and some audio, failing at once if one ends first: a fault struck
     * after this meets viewers that are really playing, however slowly a loaded machine got them going.
     */
    static void awaitDecoding(long minVideoFrames, RunningCommand... viewers) {
        await("every viewer decoding " + minVideoFrames + " video frames").atMost(PUBLISH_TIMEOUT)
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    for (RunningCommand viewer : viewers) {
                        assertTrue("a viewer ended before it decoded " + minVideoFrames + " frames", viewer.isAlive());
                        PacketCounts frames = PacketCounts.ofFramecrc(viewer.stdoutSoFar());
                        if (frames.video() < minVideoFrames || frames.audio() == 0) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    /**
     * Waits until DESCRIBE of {@code path} answers 200 (the publisher's RECORD went through), failing
     * with the publisher's output if it ended or 20 s passed first.
     */
    static void awaitPublished(TributaryDistribution server, String path, RunningCommand publisher) {
        AtomicInteger last = new AtomicInteger();
        try {
            await(path + " published").atMost(PUBLISH_TIMEOUT).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        if (!publisher.isAlive()) {
                            throw new AssertionError("the publisher ended before " + path + " answered DESCRIBE"
                                    + publisher.awaitExit(Duration.ZERO).describe());
                        }
                        last.set(describeStatus(server, path));
                        return last.get() == 200;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("DESCRIBE " + path + " still answers " + last.get() + " after "
                    + PUBLISH_TIMEOUT.toSeconds() + " s" + publisher.awaitExit(Duration.ZERO).describe(), e);
        }
    }

    /** Returns the status of one anonymous DESCRIBE of {@code path}. */
    static int describeStatus(TributaryDistribution server, String path) throws IOException {
        return describe(server, path).status();
    }

    /** Sends one anonymous DESCRIBE of {@code path} on a new connection and returns the answer. */
    static RtspResponse describe(TributaryDistribution server, String path) throws IOException {
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", server.rtspPort())) {
            return client.request("DESCRIBE", server.url(path), "Accept: application/sdp");
        }
    }

    /**
     * Returns the viewers of the broadcast at {@code path} as the server's {@code stream:broadcasts}
     * lists them, or -1 when it lists no broadcast there.
     */
    static int viewers(TributaryDistribution server, String path) {
        return ShellTables.cell(server.client("stream:broadcasts"), "Path", path, "Viewers")
                .map(Integer::parseInt).orElse(-1);
    }

    /** Returns the lines of karaf.log past {@code mark} that report an error or an unhandled exception. */
    static List<String> serverErrors(TributaryDistribution server, int mark) {
        return server.logText().substring(mark).lines()
                .filter(line -> line.contains("| ERROR ") || line.contains("reached at the tail of the pipeline")
                        || line.startsWith("java.") && line.contains("Exception"))
                .toList();
    }
}
