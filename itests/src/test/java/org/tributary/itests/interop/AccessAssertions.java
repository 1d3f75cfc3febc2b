package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.TributaryDistribution;

/**
 * What the authentication interop tests check with real clients: ffprobe gets the streams or is
 * refused with a given status, a change on disk takes effect within a few seconds, and the
 * challenges a server sends (read off the wire, every {@code WWW-Authenticate} header).
 */
final class AccessAssertions {

    /** Users and config files are polled every ~2 s; this leaves room for a slow machine. */
    static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(20);
    static final String UNAUTHORIZED = "401 Unauthorized";
    static final String FORBIDDEN = "403 Forbidden";

    private static final int MAX_HEAD_BYTES = 16 * 1024;

    private AccessAssertions() {
    }

    /** Runs ffprobe over RTSP-over-TCP on {@code url}: DESCRIBE, SETUP, PLAY and a few packets. */
    static ProcessResult probe(String url) {
        return Ffmpeg.probeStreams(url, "tcp");
    }

    /** Returns true when ffprobe exited 0 and listed a video and an audio stream. */
    static boolean gotStreams(ProcessResult probe) {
        return probe.exitCode() == 0 && probe.stdoutLines().contains("h264,video")
                && probe.stdoutLines().contains("aac,audio");
    }

    /** Returns true when ffprobe failed with {@code status} (e.g. "401 Unauthorized") and listed nothing. */
    static boolean refusedWith(ProcessResult probe, String status) {
        return probe.exitCode() != 0 && probe.stderr().contains(status) && probe.stdout().isBlank();
    }

    /** Asserts that ffprobe gets both streams of {@code url}. */
    static void assertGetsStreams(String url) {
        ProcessResult probe = probe(url);
        assertTrue("ffprobe must get h264 video and aac audio" + probe.describe(), gotStreams(probe));
    }

    /** Asserts that ffprobe is refused with {@code status} and gets no stream. */
    static void assertRefused(String url, String status) {
        ProcessResult probe = probe(url);
        assertNotEquals("ffprobe must fail" + probe.describe(), 0, probe.exitCode());
        assertTrue("ffprobe must be refused with " + status + probe.describe(), refusedWith(probe, status));
    }

    /**
     * Probes {@code url} until {@code done} holds for the result, for at most
     * {@link #RELOAD_TIMEOUT}; fails with the last run's output otherwise.
     */
    static void awaitProbe(String what, String url, Predicate<ProcessResult> done) {
        AtomicReference<ProcessResult> last = new AtomicReference<>();
        try {
            await(what).atMost(RELOAD_TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(() -> done.test(remember(last, probe(url))));
        } catch (ConditionTimeoutException e) {
            fail(what + " within " + RELOAD_TIMEOUT.toSeconds() + " s; last ffprobe run:"
                    + (last.get() == null ? " none" : last.get().describe()));
        }
    }

    /** Returns how many characters karaf.log holds now: the mark for {@link #awaitLogLine}. */
    static int logMark(TributaryDistribution server) {
        return server.logText().length();
    }

    /** Waits until karaf.log, past {@code mark}, holds a line containing {@code text}. */
    static void awaitLogLine(TributaryDistribution server, int mark, String text) {
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> server.logText().substring(mark).contains(text));
        } catch (ConditionTimeoutException e) {
            List<String> lines = server.logText().substring(mark).lines().toList();
            fail("karaf.log has no new line with '" + text + "'; its last new lines:\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
        }
    }

    /**
     * Sends one DESCRIBE of {@code path} without credentials on a plain socket, asserts 401, and
     * returns the value of every {@code WWW-Authenticate} header in order.
     */
    static List<String> challenges(TributaryDistribution server, String path) throws IOException {
        String head;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.rtspPort()), 5000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("DESCRIBE " + server.url(path) + " RTSP/1.0\r\nCSeq: 1\r\n"
                    + "Accept: application/sdp\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            head = readHead(socket.getInputStream());
        }
        List<String> lines = head.lines().toList();
        assertTrue("DESCRIBE without credentials must answer 401:\n" + head,
                !lines.isEmpty() && lines.get(0).startsWith("RTSP/1.0 401"));
        return lines.stream().filter(line -> line.regionMatches(true, 0, "WWW-Authenticate:", 0, 17))
                .map(line -> line.substring(17).strip()).toList();
    }

    /** Copies the server's sample.mp4 into {@code media/<folder>/}, moved in whole once copied. */
    static Path copySampleInto(TributaryDistribution server, String folder) throws IOException {
        Path target = Files.createDirectories(server.mediaDir().resolve(folder)).resolve("sample.mp4");
        Path staging = Files.copy(server.mediaDir().resolve("sample.mp4"),
                server.home().resolve(folder.replace('/', '-') + "-staging.mp4"));
        return Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Asserts that ffmpeg, logged in as {@code login}, plays every packet of the movie at
     * {@code path} (e.g. {@code /private/sample.mp4}) over {@code transport}.
     */
    static void assertPlaysEveryPacket(TributaryDistribution server, String path, Login login, String transport) {
        PlaybackAssertions.assertPlaysEveryPacket(server.mediaDir().resolve(path.substring(1)),
                login.url(server, path), transport);
    }

    /** Asserts that an ffmpeg run without usable credentials was refused with 401 and got no packet. */
    static void assertNothingStreamed(ProcessResult play) {
        assertNotEquals("ffmpeg must fail" + play.describe(), 0, play.exitCode());
        assertTrue("ffmpeg must be refused with " + UNAUTHORIZED + play.describe(),
                play.stderr().contains(UNAUTHORIZED));
        assertEquals("packets received" + play.describe(), new PacketCounts(0, 0),
                PacketCounts.ofFramecrc(play.stdout()));
    }

    private static ProcessResult remember(AtomicReference<ProcessResult> last, ProcessResult result) {
        last.set(result);
        return result;
    }

    /** Reads up to the blank line ending a response's headers, bounded to 16 KiB. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (head.size() >= MAX_HEAD_BYTES) {
                throw new IOException("response head longer than " + MAX_HEAD_BYTES + " bytes");
            }
            head.write(b);
            if (b == '\n' && head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
