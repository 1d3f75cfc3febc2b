package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * The management interfaces on the real distribution: the JSON API and the Prometheus metrics behind
 * Karaf's admin login, figures that move under a real ffmpeg viewer, a kick through the API that ends
 * that viewer, and the same session count over JMX.
 */
public class ManagementApiInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("karaf:karaf".getBytes(StandardCharsets.UTF_8));
    /** A movie long enough that a viewer that ends early was ended by the kick. */
    private static final int MOVIE_SECONDS = 40;
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(\\{[^}]*\\})?) (\\S+)$");

    private static HttpResponse<String> send(String method, String path, String authorization, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SERVER.httpPort() + path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", path, ADMIN);
        assertEquals(path + ": " + response.body(), 200, response.statusCode());
        return response.body();
    }

    @Test
    public void everyManagementUrlAsksForTheAdminLogin() throws Exception {
        for (String path : List.of("/tributary/api/status", "/tributary/metrics", "/tributary/api/sessions",
                "/system/console/tributary-dashboard")) {
            HttpResponse<String> anonymous = send("GET", path, null);
            assertEquals(path, 401, anonymous.statusCode());
            assertTrue(path, anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        }
        String wrong = "Basic " + Base64.getEncoder().encodeToString("karaf:wrong".getBytes(StandardCharsets.UTF_8));
        assertEquals(401, send("GET", "/tributary/api/status", wrong).statusCode());
        String status = get("/tributary/api/status");
        assertTrue(status, status.contains("\"port\":" + SERVER.rtspPort()));
        assertTrue(status, status.contains("\"serving\":true"));
    }

    @Test
    public void kickOfAnUnknownSessionIsAClear404AndAForgedOneIsRefused() throws Exception {
        HttpResponse<String> unknown = send("DELETE", "/tributary/api/sessions/NOSUCHID", ADMIN,
                "X-Tributary-Request", "1");
        assertEquals(unknown.body(), 404, unknown.statusCode());
        assertTrue(unknown.body(), unknown.body().contains("No session with id NOSUCHID"));
        assertTrue(unknown.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));

        HttpResponse<String> forged = send("DELETE", "/tributary/api/sessions/NOSUCHID", ADMIN,
                "Origin", "http://attacker.example");
        assertEquals(forged.body(), 403, forged.statusCode());
        HttpResponse<String> wrongMethod = send("POST", "/tributary/api/status", ADMIN, "X-Tributary-Request", "1");
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("GET", wrongMethod.headers().firstValue("Allow").orElse(""));
    }

    @Test
    public void metricsMoveUnderAViewerThatTheApiKicksAndJmxCountsAlike() throws Exception {
        Tools.require("ffmpeg");
        Path movie = SERVER.mediaDir().resolve("management-long.mp4");
        ProcessResult made = ExternalCommand.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=size=160x90:rate=25:duration=" + MOVIE_SECONDS, "-c:v", "libx264", "-preset", "ultrafast",
                "-g", "25", "-pix_fmt", "yuv420p", "-movflags", "+faststart", movie.toString())
                .timeout(Duration.ofSeconds(60)).run();
        assertEquals(made.describe(), 0, made.exitCode());
        String path = "/" + movie.getFileName();
        try (RunningCommand viewer = RunningCommand.start(List.of("ffmpeg", "-nostdin", "-v", "warning",
                "-rtsp_transport", "tcp", "-i", SERVER.url(path), "-map", "0", "-c", "copy", "-f", "null", "-"))) {
            String id = await("the viewer in /tributary/api/sessions").atMost(Duration.ofSeconds(20))
                    .until(() -> sessionId(get("/tributary/api/sessions?path=management-long")), s -> !s.isEmpty());

            Map<String, Double> first = metrics();
            assertEquals(1.0, first.getOrDefault("tributary_path_sessions{path=\"" + path + "\"}", 0.0), 0);
            double bytes = first.get("tributary_sent_bytes_total");
            await("tributary_sent_bytes_total grows").atMost(Duration.ofSeconds(10))
                    .until(() -> metrics().get("tributary_sent_bytes_total") > bytes);

            try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(SERVER.jmxServiceUrl()),
                    Map.of(JMXConnector.CREDENTIALS, new String[] {"karaf", "karaf"}))) {
                MBeanServerConnection beans = jmx.getMBeanServerConnection();
                ObjectName server = new ObjectName("org.tributary:type=Server");
                assertEquals(apiSessionCount(), ((Number) beans.getAttribute(server, "Sessions")).longValue());
                assertTrue((Long) beans.getAttribute(server, "BytesSent") > 0);
            }

            Instant kicked = Instant.now();
            HttpResponse<String> kick = send("DELETE", "/tributary/api/sessions/" + id, ADMIN,
                    "X-Tributary-Request", "1");
            assertEquals(kick.body(), 200, kick.statusCode());
            ProcessResult ended = viewer.awaitExit(Duration.ofSeconds(15));
            assertFalse("ffmpeg still playing 15 s after the kick" + ended.describe(), ended.timedOut());
            assertTrue("ended by the kick, long before the movie's end",
                    Duration.between(kicked, viewer.endedAt()).toSeconds() < MOVIE_SECONDS / 2);
            assertFalse(get("/tributary/api/sessions").contains(id));
        }
    }

    @Test
    public void aPlaylistCreatedFromFilesGoesOnAirAndIntoEtc() throws Exception {
        HttpResponse<String> created = send("POST", "/tributary/api/playlists", ADMIN, "X-Tributary-Request", "1",
                "Content-Type", "application/json");
        assertEquals("a POST without a body is refused: " + created.body(), 400, created.statusCode());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SERVER.httpPort()
                        + "/tributary/api/playlists")).timeout(Duration.ofSeconds(10))
                .header("Authorization", ADMIN).header("X-Tributary-Request", "1")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"path\":\"apichannel\",\"items\":[\"/sample.mp4\"],\"mode\":\"loop\"}")).build();
        HttpResponse<String> made = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(made.body(), 201, made.statusCode());

        await("the playlist on air").atMost(Duration.ofSeconds(20)).until(() ->
                get("/tributary/api/broadcasts").contains("\"path\":\"/live/apichannel\""));
        assertTrue(get("/tributary/api/playlists").contains("\"current\":\"/sample.mp4\""));
        await("etc/org.tributary.live.playlist-apichannel.cfg").atMost(Duration.ofSeconds(10)).until(() ->
                Files.isRegularFile(SERVER.home().resolve("etc/org.tributary.live.playlist-apichannel.cfg")));
        assertEquals(409, HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    private static long apiSessionCount() throws IOException, InterruptedException {
        Matcher total = Pattern.compile("\"sessions\":\\{\"total\":(\\d+)").matcher(get("/tributary/api/status"));
        assertTrue(total.find());
        return Long.parseLong(total.group(1));
    }

    private static String sessionId(String sessionsJson) {
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(sessionsJson);
        return id.find() ? id.group(1) : "";
    }

    /** Parses the Prometheus text format: every sample line by its name and labels. */
    private static Map<String, Double> metrics() throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", "/tributary/metrics", ADMIN);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertTrue("not a Prometheus sample line: " + line, sample.matches());
            samples.put(sample.group(1), Double.parseDouble(sample.group(3)));
        }
        return samples;
    }
}
