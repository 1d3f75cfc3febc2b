package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.tributary.itests.interop.AccessAssertions.UNAUTHORIZED;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.RtspResponse;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.SelfSignedKeystore;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * No secret in a log line or a {@code stream:*} output: with known secrets (a users-file password, the MP3
 * source password set by {@code stream:mp3-password}, the RTSPS keystore password), right and wrong logins
 * over RTSP Digest and Basic, RTSPS, HTTP Basic on {@code /tributary/api}, an MP3 source and two relays with
 * the origin's credentials in their URL, then karaf.log,
 * the access log and the stream commands' output hold none of them, nor a base64 of user:password. The
 * start-time security review is checked on the same server.
 */
public class SecretsInteropIT {

    private static final Login ALICE = new Login("alice", "Qt-Secret-4711");
    private static final String WRONG = "Wrong-Guess-0815";
    private static final String MP3_PASSWORD = "Mp3-Secret-2026";
    private static final String PRIVATE = "/private/sample.mp4";

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution()
            .withRtsps()
            .withConfig("org.tributary.rtsp.cfg", Map.of("authScheme", "both"))
            .withConfig("org.tributary.access.cfg", Map.of(
                    "rules", "/ WRITE group broadcaster; /private/ READ valid-user", "maxFailedLogins", "1000"))
            .withConfig("org.tributary.mp3.cfg", Map.of("refusalDelayMillis", "100"))
            .withFile("etc/qtusers", QtUsers.text(ALICE));

    /** What each place said: file or command name to its text. */
    private static final Map<String, String> OUTPUTS = new LinkedHashMap<>();

    @BeforeClass
    public static void logInRightAndWrong() throws IOException {
        Tools.require("ffmpeg", "ffprobe", "curl");
        AccessAssertions.copySampleInto(SERVER, "private");
        // RTSP Digest (ffmpeg answers the Digest challenge when both are offered) and RTSPS, right and wrong
        AccessAssertions.assertGetsStreams(ALICE.url(SERVER, PRIVATE));
        AccessAssertions.assertRefused(ALICE.withPassword(WRONG).url(SERVER, PRIVATE), UNAUTHORIZED);
        assertEquals(0, Ffmpeg.probeStreams(SERVER.rtspsUrl(PRIVATE).replaceFirst("^rtsps://",
                "rtsps://" + ALICE.user() + ":" + ALICE.password() + "@"), "tcp").exitCode());
        // RTSP Basic, right and wrong
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", SERVER.rtspPort())) {
            RtspResponse right = client.request("DESCRIBE", SERVER.url(PRIVATE), "Accept: application/sdp",
                    "Authorization: " + basic(ALICE.user(), ALICE.password()));
            assertEquals(200, right.status());
            RtspResponse wrong = client.request("DESCRIBE", SERVER.url(PRIVATE), "Accept: application/sdp",
                    "Authorization: " + basic(ALICE.user(), WRONG));
            assertEquals(401, wrong.status());
        }
        // HTTP Basic on the management API, right and wrong
        assertEquals("200", curlApi("karaf:karaf"));
        assertEquals("401", curlApi("karaf:" + WRONG));
        assertEquals("401", curlApi(ALICE.user() + ":" + ALICE.password()));
        // the MP3 source password, set in the shell, then a source with a wrong and one with the right password
        ProcessResult set = SERVER.client("stream:mp3-password --password " + MP3_PASSWORD);
        assertEquals(set.describe(), 0, set.exitCode());
        OUTPUTS.put("stream:mp3-password", set.stdout() + set.stderr());
        await("the MP3 source password applies").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                .until(() -> IcyClient.exchange(SERVER.rtspPort(), "PUT /probe HTTP/1.1\r\nContent-Type: audio/mpeg\r\n"
                        + "Authorization: " + IcyClient.basic("source", MP3_PASSWORD), null, 0, 3000).status() != 401);
        ProcessResult wrongSource = mp3Source(WRONG);
        assertTrue(wrongSource.describe(), wrongSource.stderr().contains("401"));
        ProcessResult rightSource = mp3Source(MP3_PASSWORD);
        assertEquals("a source with the right password is not refused" + rightSource.describe(), 0,
                rightSource.exitCode());
        relayWithCredentialsInItsUrl();
        for (String command : List.of("stream:status", "stream:sessions", "stream:log", "stream:service",
                "stream:relays")) {
            ProcessResult result = SERVER.client(command);
            assertEquals(result.describe(), 0, result.exitCode());
            OUTPUTS.put(command, result.stdout() + result.stderr());
        }
        Path logs = SERVER.home().resolve("data/log");
        OUTPUTS.put("karaf.log", SERVER.logText());
        OUTPUTS.put("tributary-access.log", Files.readString(logs.resolve("tributary-access.log"),
                StandardCharsets.ISO_8859_1));
    }

    /**
     * Two relays of this server from itself, the origin's credentials in their URLs: one with the right password
     * (a missing file: 404 after the login), one with a wrong password (401); both fail and are retried.
     */
    private static void relayWithCredentialsInItsUrl() throws IOException {
        Path etc = SERVER.home().resolve("etc");
        Files.writeString(etc.resolve("org.tributary.live.relay-right.cfg"), "url = "
                + ALICE.url(SERVER, "/private/missing.mp4") + "\npath = relayed-right\nreconnectSeconds = 1\n");
        Files.writeString(etc.resolve("org.tributary.live.relay-wrong.cfg"), "url = "
                + ALICE.withPassword(WRONG).url(SERVER, PRIVATE) + "\npath = relayed-wrong\nreconnectSeconds = 1\n");
        await("both relays fail and say so").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1))
                .until(() -> SERVER.logText().lines().filter(line -> line.contains("relayed-") && line.contains("failing"))
                        .map(line -> line.contains("relayed-right") ? "right" : "wrong").distinct().count() == 2);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String curlApi(String userPassword) {
        ProcessResult curl = ExternalCommand.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-u",
                userPassword, "http://127.0.0.1:" + SERVER.httpPort() + "/tributary/api/status")
                .timeout(Duration.ofSeconds(20)).run();
        return curl.stdout().strip();
    }

    /** Sends 3 s of MP3 as an Icecast source with {@code password}. */
    private static ProcessResult mp3Source(String password) {
        return ExternalCommand.of("ffmpeg", "-nostdin", "-v", "info", "-re", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=44100:duration=3", "-ac", "2", "-c:a", "libmp3lame", "-b:a", "128k",
                "-content_type", "audio/mpeg", "-f", "mp3",
                "icecast://source:" + password + "@127.0.0.1:" + SERVER.rtspPort() + "/secret-radio")
                .timeout(Duration.ofSeconds(30)).run();
    }

    private static List<String> secrets() {
        List<String> secrets = new ArrayList<>(List.of(ALICE.password(), WRONG, MP3_PASSWORD,
                SelfSignedKeystore.PASSWORD));
        for (String pair : List.of("alice:" + ALICE.password(), "alice:" + WRONG, "karaf:karaf", "karaf:" + WRONG,
                "source:" + MP3_PASSWORD, "source:" + WRONG)) {
            secrets.add(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return secrets;
    }

    private static void assertNoSecretIn(String place) {
        String text = OUTPUTS.get(place);
        for (String secret : secrets()) {
            int at = text.indexOf(secret);
            assertTrue(place + " leaks '" + secret + "': ..."
                    + text.substring(Math.max(0, at - 200), Math.min(text.length(), at + 100)) + "...", at < 0);
        }
    }

    @Test
    public void karafLogHoldsNoSecret() {
        assertTrue("logins were logged", OUTPUTS.get("karaf.log").contains("refused"));
        assertNoSecretIn("karaf.log");
    }

    @Test
    public void accessLogHoldsNoSecret() {
        assertTrue("the access log has the sessions", OUTPUTS.get("tributary-access.log").contains(PRIVATE));
        assertNoSecretIn("tributary-access.log");
    }

    @Test
    public void streamCommandsPrintNoSecret() {
        for (String command : List.of("stream:mp3-password", "stream:status", "stream:sessions", "stream:log",
                "stream:service", "stream:relays")) {
            assertNoSecretIn(command);
        }
    }

    @Test
    public void theShippedAdminIsReportedOnceWithHowToChangeIt() {
        List<String> warnings = OUTPUTS.get("karaf.log").lines()
                .filter(line -> line.contains("The shipped administrator karaf")).toList();
        assertEquals(warnings.toString(), 1, warnings.size());
        assertTrue(warnings.get(0), warnings.get(0).contains("| WARN ") && warnings.get(0).contains("jaas:user-add"));
        assertTrue("the consoles are on loopback: no error", !OUTPUTS.get("karaf.log").contains("listen beyond loopback"));
    }

    @Test
    public void secretFilesReadableByOthersAreReportedEach() {
        // the tar.gz, the test's qtusers and keytool leave them rw-r--r--
        for (String file : List.of("users.properties", "qtusers", "qtgroups", "rtsps.p12")) {
            List<String> warnings = OUTPUTS.get("karaf.log").lines()
                    .filter(line -> line.contains("/etc/" + file + " holds secrets")).toList();
            assertEquals(file + ": " + warnings, 1, warnings.size());
            assertTrue(warnings.get(0), warnings.get(0).contains("| WARN ")
                    && warnings.get(0).contains("chmod 600 ") && warnings.get(0).endsWith("/etc/" + file));
        }
    }
}
