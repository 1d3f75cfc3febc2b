package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Log discipline against the real distribution: thousands of refused requests from 127.0.0.2 (a
 * denied path, a malformed Authorization, wrong passwords until the address is blocked, then
 * requests from the blocked address) write only a handful of karaf.log lines, one per refusal
 * class every 10 s, the next one saying how many were left out; every request is still answered
 * with the right status, and 127.0.0.1 keeps being served: a real ffmpeg viewer plays every packet.
 */
public class LogFloodInteropIT {

    private static final String ATTACKER = "127.0.0.2";
    private static final int ROUNDS = 600;
    /** Few: each wrong password is answered a second late. */
    private static final int MAX_FAILED_LOGINS = 3;
    /** Denied, malformed Authorization, failed login, failed login that blocks, address blocked. */
    private static final int REFUSAL_CLASSES = 5;
    private static final long INTERVAL_SECONDS = 10;

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution()
            .withConfig("org.tributary.access.cfg", Map.of(
                    "rules", "/ WRITE group broadcaster; /denied/ READ deny; /private/ READ valid-user",
                    "maxFailedLogins", Integer.toString(MAX_FAILED_LOGINS),
                    "failureWindowSeconds", "120",
                    "blockSeconds", "120"))
            .withFile("etc/qtusers", QtUsers.text(new Login("alice", "secret")));

    @Test
    public void refusalFloodWritesAFewCountedLinesAndTheServerKeepsAnswering() throws IOException {
        int mark = AccessAssertions.logMark(SERVER);
        long start = System.nanoTime();
        String wrongPassword = "Basic " + Base64.getEncoder().encodeToString(
                "alice:wrong".getBytes(StandardCharsets.US_ASCII));
        AtomicInteger requests = new AtomicInteger();
        Tools.require("ffmpeg", "ffprobe");
        PacketCounts expected = PlaybackAssertions.countsOfFile(SERVER.mediaDir().resolve("sample.mp4"));
        // a real viewer from 127.0.0.1 plays throughout the flood
        try (RunningCommand viewer = RunningCommand.start(List.of("ffmpeg", "-nostdin", "-v", "warning",
                "-rtsp_transport", "udp", "-i", SERVER.url("/sample.mp4"), "-map", "0", "-c", "copy",
                "-f", "framecrc", "-"));
             RawClient attacker = new RawClient(ATTACKER, SERVER.rtspPort())) {
            for (int i = 0; i < ROUNDS; i++) {
                assertEquals(403, attacker.describe(SERVER.url("/denied/sample.mp4")));
                assertEquals(400, attacker.describe(SERVER.url("/sample.mp4"), "Authorization: Digest username"));
                requests.addAndGet(2);
            }
            for (int i = 0; i < ROUNDS; i++) {
                int status = attacker.describe(SERVER.url("/private/sample.mp4"), "Authorization: " + wrongPassword);
                assertEquals("wrong password " + (i + 1), i < MAX_FAILED_LOGINS ? 401 : 403, status);
                requests.incrementAndGet();
            }
            for (int i = 0; i < ROUNDS; i++) {
                assertEquals("blocked", 403, attacker.describe(SERVER.url("/sample.mp4")));
                requests.incrementAndGet();
            }
            assertServed();
            // a line of a class already logged comes again only after the interval, with the count
            await("a refusal line counting the ones left out").atMost(Duration.ofSeconds(2 * INTERVAL_SECONDS))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        assertEquals(403, attacker.describe(SERVER.url("/sample.mp4")));
                        requests.incrementAndGet();
                        return SERVER.logText().substring(mark).contains("more like this from " + ATTACKER);
                    });
            ProcessResult played = viewer.awaitExit(Ffmpeg.PLAY_TIMEOUT);
            assertEquals("ffmpeg exit code" + played.describe(), 0, played.exitCode());
            assertEquals("the ffmpeg viewer got every packet during the flood" + played.describe(), expected,
                    PacketCounts.ofFramecrc(played.stdout()));
        }
        assertServed();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> lines = SERVER.logText().substring(mark).lines()
                .filter(line -> line.contains(ATTACKER)).toList();
        String report = requests.get() + " refused requests from " + ATTACKER + " in " + Math.round(seconds)
                + " s wrote " + lines.size() + " lines:\n" + String.join("\n", lines);
        System.out.println(report);
        assertTrue(report, requests.get() >= 4 * ROUNDS);
        long allowed = REFUSAL_CLASSES * (1 + (long) Math.ceil(seconds / INTERVAL_SECONDS));
        assertTrue("at most one line per refusal class every " + INTERVAL_SECONDS + " s: " + report,
                lines.size() <= allowed);
        assertTrue("the count of the lines left out is visible: " + report,
                lines.stream().anyMatch(line -> line.matches(".*\\(\\d+ more like this from 127\\.0\\.0\\.2 in the last \\d+ s\\).*")));
        for (String refusal : new String[] {"Denied READ /denied/sample.mp4 to 127.0.0.2",
            "Malformed Authorization from 127.0.0.2", "Failed login for 'alice' from 127.0.0.2",
            "address blocked after failed logins"}) {
            assertTrue("karaf.log names '" + refusal + "': " + report,
                    lines.stream().anyMatch(line -> line.contains(refusal)));
        }
    }

    /** 127.0.0.1 is still answered normally. */
    private static void assertServed() throws IOException {
        try (RtspTestClient viewer = RtspTestClient.connect(SERVER.url("/sample.mp4"))) {
            assertEquals(200, viewer.request("DESCRIBE", SERVER.url("/sample.mp4"), "Accept: application/sdp").status());
        }
    }

    /** One RTSP connection from a chosen local address, reconnected when the server closes it. */
    private static final class RawClient implements Closeable {

        private final String local;
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private int cseq;

        RawClient(String local, int port) {
            this.local = local;
            this.port = port;
        }

        /** @return the status of a DESCRIBE with the given extra header lines */
        int describe(String url, String... headers) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.bind(new InetSocketAddress(local, 0));
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                socket.setSoTimeout(10_000);
                in = new BufferedInputStream(socket.getInputStream());
                out = socket.getOutputStream();
            }
            StringBuilder request = new StringBuilder("DESCRIBE ").append(url).append(" RTSP/1.0\r\nCSeq: ")
                    .append(++cseq).append("\r\nAccept: application/sdp\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = readLine();
            int length = 0;
            boolean close = false;
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
                close |= line.equalsIgnoreCase("Connection: close");
            }
            if (length > 1 << 16) {
                throw new IOException("body of " + length + " bytes");
            }
            in.readNBytes(length);
            if (close) {
                close();
            }
            return Integer.parseInt(status.split(" ")[1]);
        }

        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0 || line.size() > 8192) {
                    throw new EOFException("connection closed or line too long after " + line);
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                socket.close();
                socket = null;
            }
        }
    }
}
