package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.FreePorts;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * The web console's Streaming pages in a real headless Chromium against the real distribution, logged in
 * as Karaf's admin: a running ffmpeg viewer shows on Sessions and its Kick button ends it; a movie uploaded
 * on Media plays with ffprobe and is deleted again; the Settings form adds an RTSP port that then answers;
 * Stop/Start Service closes and reopens the streaming port; a {@code <script>} in a User-Agent and in an
 * MP3 title shows as text; a playlist made of checked files on Media plays, and stops and starts again from
 * Broadcasts. Without credentials the console answers 401. With
 * {@code -Dtributary.screenshots=DIR} every page is saved as a PNG.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class WebConsoleInteropIT {

    private static final String SOURCE_PASSWORD = "console-radio";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution()
            .withConfig("org.tributary.mp3.cfg", Map.of("sourcePassword", SOURCE_PASSWORD));

    private static Path work;
    private static ConsoleBrowser console;

    @BeforeClass
    public static void startBrowser() throws IOException {
        Tools.require("ffmpeg", "ffprobe", "chromium", "chromedriver");
        work = Files.createDirectories(Path.of(System.getProperty("tributary.work", "target"), "console"));
        console = ConsoleBrowser.start(work, SERVER.httpPort(), "karaf", "karaf");
    }

    @AfterClass
    public static void closeBrowser() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    public void a_withoutAdminCredentialsTheConsoleAnswers401() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String page : List.of("tributary-dashboard", "tributary-sessions/sessions.json", "tributary-settings")) {
            URI uri = URI.create("http://127.0.0.1:" + SERVER.httpPort() + "/system/console/" + page);
            assertEquals(page, 401, http.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            HttpRequest wrong = HttpRequest.newBuilder(uri).header("Authorization", IcyClient.basic("karaf", "wrong")).build();
            assertEquals(page + " with a wrong password", 401,
                    http.send(wrong, HttpResponse.BodyHandlers.discarding()).statusCode());
        }
    }

    @Test
    public void b_dashboardShowsTheRunningServerAndItsPort() {
        console.open("tributary-dashboard");
        await("Running").atMost(WAIT).until(() -> console.text("dash-state").equals("Running"));
        console.awaitRow("dash-endpoints", Integer.toString(SERVER.rtspPort()));
        assertFalse("the bit rate graph", console.browser().findElements(By.cssSelector("#dash-graph polyline")).isEmpty());
    }

    @Test
    public void c_kickOnSessionsEndsARunningFfmpegViewer() throws IOException {
        Path movie = SERVER.mediaDir().resolve("long.mp4");
        ffmpeg("-f", "lavfi", "-i", "testsrc2=size=160x90:rate=10:duration=60", "-c:v", "libx264", "-preset",
                "ultrafast", "-g", "20", "-pix_fmt", "yuv420p", movie.toString());
        String agent = ConsoleBrowser.HOSTILE + "ffmpeg-viewer";
        Instant started = Instant.now();
        try (RunningCommand viewer = RunningCommand.start(List.of("ffmpeg", "-nostdin", "-v", "warning",
                "-user_agent", agent, "-rtsp_transport", "tcp", "-i", SERVER.url("long.mp4"), "-map", "0", "-c",
                "copy", "-f", "framecrc", "-"))) {
            console.open("tributary-dashboard");
            await("the viewer's bit rate on the dashboard").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                    .until(() -> console.text("dash-summary"), summary -> summary.contains("1 viewers")
                            && !summary.contains("Bit rate 0 bit/s out"));
            console.screenshot("dashboard");

            console.open("tributary-sessions");
            String client = console.attributeInRow("sessions-rows", "/long.mp4", By.className("tributary-address"),
                    "textContent");
            assertTrue(client, client.startsWith("127.0.0.1:"));
            String shownAgent = console.attributeInRow("sessions-rows", "/long.mp4", By.className("tributary-agent"),
                    "textContent");
            console.assertNothingInjected();
            console.screenshot("sessions");

            String question = console.clickInRowAndConfirm("sessions-rows", "/long.mp4", By.tagName("button"));
            assertTrue(question, question.startsWith("Kick 127.0.0.1"));
            ProcessResult ended = viewer.awaitExit(Duration.ofSeconds(15));
            assertFalse("ffmpeg still ran after the kick" + ended.describe(), ended.timedOut());
            assertTrue("ffmpeg ended long before the 60 s movie did", Duration.between(started, viewer.endedAt())
                    .compareTo(Duration.ofSeconds(40)) < 0);
            console.awaitNoRow("sessions-rows", "/long.mp4");
            assertEquals("the User-Agent, as text", agent, shownAgent);
        }
    }

    @Test
    public void d_aMovieUploadedOnMediaPlaysAndIsDeleted() throws IOException {
        Path upload = work.resolve("uploaded-" + System.nanoTime() % 100000 + ".mp4");
        ffmpeg("-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=2", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=48000:duration=2", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", "-movflags", "+faststart", upload.toString());
        String name = upload.getFileName().toString();
        console.open("tributary-media");
        console.browser().findElement(By.id("media-file")).sendKeys(upload.toAbsolutePath().toString());
        console.browser().findElement(By.id("media-upload")).click();
        console.awaitRow("media-rows", name);
        assertTrue(console.text("media-limit"), console.text("media-limit").startsWith("at most"));
        assertEquals(SERVER.url(name), console.attributeInRow("media-rows", name, By.className("tributary-url"), "value"));
        console.screenshot("media");

        ProcessResult probe = Ffmpeg.probeStreams(SERVER.url(name), "tcp");
        assertEquals(probe.describe(), List.of("h264,video", "aac,audio"), probe.stdoutLines());

        String question = console.clickInRowAndConfirm("media-rows", name, By.xpath(".//button[text()='Delete']"));
        assertTrue(question, question.contains(name));
        console.awaitNoRow("media-rows", name);
        assertFalse(Files.exists(SERVER.mediaDir().resolve(name)));
    }

    @Test
    public void e_settingsFormAddsAnRtspPortThatAnswers() throws IOException {
        int extra = FreePorts.tcp(1)[0];
        console.open("tributary-settings");
        console.browser().findElement(By.cssSelector("#settings-choice option[value='org.tributary.rtsp']")).click();
        WebElement ports = console.browser().findElement(By.id("field-ports"));
        assertEquals(Integer.toString(SERVER.rtspPort()), ports.getAttribute("value").strip());
        ports.clear();
        ports.sendKeys(SERVER.rtspPort() + "," + extra);
        console.screenshot("settings");
        console.browser().findElement(By.id("settings-save")).click();
        console.awaitStatus("Saved");
        await("OPTIONS answered on the new port " + extra).atMost(WAIT).pollInterval(Duration.ofMillis(300))
                .until(() -> options(extra) == 200);
    }

    @Test
    public void f_stopServiceClosesThePortAndStartOpensIt() throws IOException {
        console.open("tributary-dashboard");
        await("Running").atMost(WAIT).until(() -> console.text("dash-state").equals("Running"));
        assertEquals(200, options(SERVER.rtspPort()));

        assertTrue(console.clickAndConfirm(console.browser().findElement(By.id("dash-toggle"))).startsWith("Stop"));
        await("the RTSP port refuses").atMost(WAIT).pollInterval(Duration.ofMillis(300))
                .until(() -> refuses(SERVER.rtspPort()));
        await("Stopped").atMost(WAIT).until(() -> console.text("dash-state").equals("Stopped"));

        assertTrue(console.clickAndConfirm(console.browser().findElement(By.id("dash-toggle"))).startsWith("Start"));
        await("the RTSP port answers again").atMost(WAIT).pollInterval(Duration.ofMillis(300))
                .until(() -> options(SERVER.rtspPort()) == 200);
        await("Running").atMost(WAIT).until(() -> console.text("dash-state").equals("Running"));
    }

    @Test
    public void g_aScriptInAnMp3TitleShowsAsTextOnBroadcasts() throws IOException {
        Path song = work.resolve("console-song.mp3");
        ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=5", "-ac", "2", "-c:a",
                "libmp3lame", "-b:a", "128k", song.toString());
        String title = ConsoleBrowser.HOSTILE + "Title";
        try (RunningCommand source = RunningCommand.start(List.of("ffmpeg", "-nostdin", "-v", "warning", "-re",
                "-stream_loop", "-1", "-i", song.toString(), "-c", "copy", "-content_type", "audio/mpeg",
                "-f", "mp3", "icecast://source:" + SOURCE_PASSWORD + "@127.0.0.1:" + SERVER.rtspPort() + "/consoleradio"))) {
            await("/consoleradio on air").atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() ->
                    IcyClient.exchange(SERVER.rtspPort(), "GET /admin/metadata?mount=/consoleradio&mode=updinfo&song="
                            + URLEncoder.encode(title, StandardCharsets.UTF_8) + " HTTP/1.0\r\nAuthorization: "
                            + IcyClient.basic("source", SOURCE_PASSWORD), null, 4096, 3000).status() == 200);
            console.open("tributary-broadcasts");
            assertEquals(title, console.attributeInRow("station-rows", "/consoleradio", By.className("tributary-title"),
                    "textContent"));
            console.assertNothingInjected();
            console.screenshot("broadcasts");
        }
    }

    @Test
    public void h_logShowsLinesAsTextNewestFirstAndFilters() throws IOException {
        console.open("tributary-log");
        if (!console.text("log-access").startsWith("Not available")) {
            String line = console.attributeInRow("log-access", "long.mp4", By.tagName("code"), "textContent");
            assertTrue("the kicked viewer's User-Agent, as text: " + line,
                    line.contains("<script>window.pwned=1</script>"));
            console.browser().findElement(By.id("log-filter")).sendKeys("long.mp4");
            await("only lines with long.mp4").atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() ->
                    console.browser().findElements(By.cssSelector("#log-access > tr")).stream()
                            .allMatch(row -> row.getText().contains("long.mp4")));
        }
        console.assertNothingInjected();
        console.screenshot("log");
    }

    @Test
    public void i_aPlaylistMadeOnMediaPlaysAndStopsOnBroadcasts() {
        console.open("tributary-media");
        for (String file : List.of("sample.mp4", "sample.mov")) {
            console.clickInRow("media-rows", file, By.cssSelector("input[type=checkbox]"));
        }
        console.browser().findElement(By.id("playlist-path")).sendKeys("consolechannel");
        console.browser().findElement(By.cssSelector("#playlist-mode option[value='loop']")).click();
        console.browser().findElement(By.id("playlist-create")).click();
        console.awaitStatus("Created playlist consolechannel");

        console.open("tributary-broadcasts");
        await("consolechannel playing").atMost(WAIT).pollInterval(Duration.ofMillis(300))
                .until(() -> console.awaitRow("playlist-rows", "consolechannel").getText(), row -> row.contains("playing"));
        ProcessResult probe = Ffmpeg.probeStreams(SERVER.url("/live/consolechannel"), "tcp");
        assertEquals(probe.describe(), 0, probe.exitCode());

        console.clickInRowAndConfirm("playlist-rows", "consolechannel", By.xpath(".//button[text()='Stop']"));
        await("consolechannel stopped").atMost(WAIT).pollInterval(Duration.ofMillis(300))
                .until(() -> console.awaitRow("playlist-rows", "consolechannel").getText(), text -> text.contains("stopped"));
        console.clickInRow("playlist-rows", "consolechannel", By.xpath(".//button[text()='Start']"));
        await("consolechannel playing again").atMost(WAIT).pollInterval(Duration.ofMillis(300))
                .until(() -> console.awaitRow("playlist-rows", "consolechannel").getText(), text -> text.contains("playing"));
    }

    private static void ffmpeg(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
        command.addAll(List.of(arguments));
        ProcessResult made = ExternalCommand.of(command).timeout(Duration.ofSeconds(60)).run();
        assertEquals(made.describe(), 0, made.exitCode());
    }

    /** @return the status of {@code OPTIONS *} on {@code port}, or -1 when it cannot be asked */
    private static int options(int port) {
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", port)) {
            return client.request("OPTIONS", "*").status();
        } catch (IOException notServing) {
            return -1;
        }
    }

    private static boolean refuses(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (IOException other) {
            return false;
        }
    }
}
