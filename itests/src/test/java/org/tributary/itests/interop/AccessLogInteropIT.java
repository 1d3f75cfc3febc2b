package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.RtspResponse;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * The access log of the real distribution: an ffmpeg viewer that plays a movie to its end is one line of
 * {@code data/log/tributary-access.log}, checked field by field against the file's own {@code #Fields}
 * header, and {@code stream:log} shows it; a hostile User-Agent stays one field of one line; {@code stream:kick}
 * of an unknown id says so; a refused request raises the refusals that {@code stream:status} counts.
 */
public class AccessLogInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution();

    @BeforeClass
    public static void tools() {
        Tools.require("ffmpeg");
    }

    private static Path accessLog() {
        return SERVER.home().resolve("data/log/tributary-access.log");
    }

    private static List<String> logLines() {
        try {
            return Files.exists(accessLog()) ? Files.readAllLines(accessLog()) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    public void aFinishedFfmpegViewerIsOneLineCheckedFieldByField() {
        // from 6 s on, the 10 s sample plays to its end in about 4 s
        ProcessResult play = Ffmpeg.playToFramecrc(SERVER.url("/sample.mp4"), "udp", "-ss", "6");
        assertEquals(play.describe(), 0, play.exitCode());
        String line = await("the viewer's access line").atMost(Duration.ofSeconds(20))
                .until(() -> logLines().stream().filter(l -> !l.startsWith("#") && l.contains(" /sample.mp4 "))
                        .findFirst(), Optional::isPresent).orElseThrow();
        List<String> file = logLines();
        assertTrue(String.join("\n", file), file.get(0).startsWith("#Software: Tributary"));
        assertEquals("#Version: 1.0", file.get(1));
        assertTrue(file.get(2), file.get(2).matches("#Date: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"));
        String header = file.stream().filter(l -> l.startsWith("#Fields: ")).findFirst().orElseThrow();
        List<String> names = Arrays.asList(header.substring("#Fields: ".length()).split(" "));
        List<String> values = Arrays.asList(line.split(" ", -1));
        assertEquals(header + "\n" + line, names.size(), values.size());
        Map<String, String> f = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            f.put(names.get(i), values.get(i));
        }
        String shown = header + "\n" + line;
        assertEquals(shown, "127.0.0.1", f.get("c-ip"));
        assertTrue(shown, f.get("date").matches("\\d{4}-\\d\\d-\\d\\d"));
        assertTrue(shown, f.get("time").matches("\\d\\d:\\d\\d:\\d\\d"));
        assertEquals(shown, "/sample.mp4", f.get("cs-uri-stem"));
        assertEquals(shown, "200", f.get("c-status"));
        assertTrue(shown, f.get("c-playerid").contains("Lavf"));
        assertEquals(shown, "RTSP", f.get("protocol"));
        assertEquals(shown, "RTP/AVP/UDP", f.get("transport"));
        assertTrue(shown, Long.parseLong(f.get("sc-bytes")) > 0);
        assertEquals(shown, "0", f.get("cs-bytes"));
        assertTrue(shown, Long.parseLong(f.get("s-pkts-sent")) > 0);
        assertTrue(shown, Double.parseDouble(f.get("x-duration")) > 0);
        assertTrue(shown, Long.parseLong(f.get("avgbandwidth")) > 0);
        assertEquals(shown, "-", f.get("c-username"));
        assertEquals(shown, "viewer", f.get("x-kind"));
        assertFalse("access lines stay out of karaf.log", SERVER.logText().contains(line));

        ProcessResult log = SERVER.client("stream:log -n 5");
        assertTrue(log.describe(), log.stdout().contains(header));
        assertTrue(log.describe(), log.stdout().contains(line));

        Matcher totals = totals();
        assertTrue(totals.group(), Long.parseLong(totals.group(1)) >= 1 && Long.parseLong(totals.group(2)) > 0);
        assertFalse("the core's components wire without a cycle", SERVER.logText().contains("Circular reference"));
    }

    @Test
    public void aHostileUserAgentStaysOneFieldOfOneLine() throws IOException {
        String url = SERVER.url("/sample.mov");
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", SERVER.rtspPort())) {
            RtspResponse setup = client.request("SETUP", url + "/trackID=1",
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1",
                    "User-Agent: Evil \"Player\" 127.0.0.1 - /forged 200 <script>alert(1)</script>\t%0d%0a");
            assertEquals(setup.describe(), 200, setup.status());
            assertEquals(200, client.request("TEARDOWN", url).status());
        }
        String line = await("the hostile session's line").atMost(Duration.ofSeconds(20))
                .until(() -> logLines().stream().filter(l -> l.contains("Evil+")).findFirst(), Optional::isPresent)
                .orElseThrow();
        String header = logLines().stream().filter(l -> l.startsWith("#Fields: ")).findFirst().orElseThrow();
        List<String> names = Arrays.asList(header.substring("#Fields: ".length()).split(" "));
        List<String> values = Arrays.asList(line.split(" ", -1));
        assertEquals(header + "\n" + line, names.size(), values.size());
        assertEquals(line, "Evil+%22Player%22+127.0.0.1+-+/forged+200+<script>alert(1)</script>%250d%250a",
                values.get(names.indexOf("c-playerid")));
        assertEquals(line, "/sample.mov", values.get(names.indexOf("cs-uri-stem")));
        assertEquals(line, "RTP/AVP/TCP", values.get(names.indexOf("transport")));
    }

    @Test
    public void aKickOfAnUnknownSessionSaysSo() {
        ProcessResult kick = SERVER.client("stream:kick NOSUCHID");
        assertTrue(kick.describe(), (kick.stdout() + kick.stderr()).contains("No session NOSUCHID; see stream:sessions"));
    }

    @Test
    public void aRefusedRequestIsCountedInTheStatus() throws IOException {
        long before = refusals404();
        assertEquals(404, LiveClients.describeStatus(SERVER, "/no-such-movie.mp4"));
        await("the 404 counted").atMost(Duration.ofSeconds(10)).until(() -> refusals404() == before + 1);
    }

    /** @return the count of 404 refusals in the totals line of {@code stream:status} */
    private static long refusals404() {
        Matcher count = Pattern.compile("\\b404 x(\\d+)").matcher(totals().group(3));
        return count.find() ? Long.parseLong(count.group(1)) : 0;
    }

    /** @return the totals line of {@code stream:status}: sessions, KB sent, refusals */
    private static Matcher totals() {
        ProcessResult status = SERVER.client("stream:status");
        Matcher totals = Pattern.compile("Totals: (\\d+) sessions, (\\d+) KB sent.*refusals: (.*)")
                .matcher(status.stdout());
        assertTrue(status.describe(), totals.find());
        return totals;
    }
}
