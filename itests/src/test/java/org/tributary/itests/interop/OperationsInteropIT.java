package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.CfgFile;
import org.tributary.itests.support.FreePorts;
import org.tributary.itests.support.LiveConfig;
import org.tributary.itests.support.OpenSockets;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * What an operator does to a running server, the way an operator does it: shell commands through
 * {@code bin/client}, and an edited {@code .cfg} file, with a real player checking the result.
 */
public class OperationsInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution();

    private static int describe(int port, String path) throws IOException {
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", port)) {
            return client.request("DESCRIBE", "rtsp://127.0.0.1:" + port + path).status();
        }
    }

    private static boolean accepts(int port) {
        return OpenSockets.accepts("127.0.0.1", port);
    }

    @Test
    public void featuresAndStatusAreShownInTheShell() {
        ProcessResult features = SERVER.client("feature:list | grep tributary");
        // Karaf's grep highlights the match with ANSI colours
        String listed = features.stdout().replaceAll("\u001B\\[[;\\d]*m", "");
        // each capability boots as a feature of its own, so each can be uninstalled from the shell
        for (String name : List.of("tributary-core", "tributary-rtsp", "tributary-source-file",
                "tributary-source-live", "tributary-auth", "tributary-shell", "tributary-mp3")) {
            assertTrue(name + features.describe(), listed.contains(name + " "));
            assertTrue(name + " started" + features.describe(), listed.lines().anyMatch(
                    line -> line.startsWith(name) && line.contains("Started")));
        }
        ProcessResult status = SERVER.client("stream:status");
        assertTrue(status.describe(), status.stdout().contains(String.valueOf(SERVER.rtspPort())));
        assertTrue(status.describe(), status.stdout().contains(SERVER.mediaDir().getFileName().toString()));
        assertTrue(status.describe(), status.stdout().contains("Sessions:"));
    }

    @Test
    public void stoppingTheFileSourceAnswers404AndStartingItRestoresPlayback() throws IOException {
        Tools.require("ffmpeg");
        int port = SERVER.rtspPort();
        SERVER.client("bundle:stop tributary-source-file");
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> describe(port, "/sample.mp4") == 404);
            try (RtspTestClient client = new RtspTestClient("127.0.0.1", port)) {
                assertEquals("the server stays up", 200, client.request("OPTIONS", SERVER.url("/")).status());
            }
        } finally {
            SERVER.client("bundle:start tributary-source-file");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> describe(port, "/sample.mp4") == 200);
        PlaybackAssertions.assertPlaysEveryPacket(SERVER, "sample.mp4", "tcp");
    }

    @Test
    public void theLiveFeatureIsRemovedAndAddedFromTheShellWhileFilesPlay() {
        Tools.require("ffprobe");
        int mark = SERVER.logText().length();
        ProcessResult removed = SERVER.client("feature:uninstall tributary-source-live");
        assertEquals(removed.describe(), 0, removed.exitCode());
        assertFalse(removed.describe(), (removed.stdout() + removed.stderr()).contains("Exception"));
        try {
            await("/live is gone").atMost(Duration.ofSeconds(30))
                    .until(() -> !SERVER.client("stream:status").stdout().contains("/live"));
            AccessAssertions.assertGetsStreams(SERVER.url("/sample.mp4"));
        } finally {
            ProcessResult back = SERVER.client("feature:install tributary-source-live");
            assertEquals(back.describe(), 0, back.exitCode());
        }
        await("/live is back").atMost(Duration.ofSeconds(30))
                .until(() -> SERVER.client("stream:status").stdout().contains("/live"));
        assertEquals(List.of(), LiveClients.serverErrors(SERVER, mark));
    }

    @Test
    public void theWebConsoleFeatureIsRemovedAndAddedWhileFilesPlay() {
        Tools.require("ffprobe");
        int mark = SERVER.logText().length();
        String api = "http://127.0.0.1:" + SERVER.httpPort() + "/tributary/api/status";
        assertEquals("the API asks for credentials", 401, httpStatus(api));
        ProcessResult removed = SERVER.client("feature:uninstall tributary-webconsole");
        assertEquals(removed.describe(), 0, removed.exitCode());
        try {
            await("the API is gone").atMost(Duration.ofSeconds(30)).until(() -> httpStatus(api) == 404);
            AccessAssertions.assertGetsStreams(SERVER.url("/sample.mp4"));
        } finally {
            ProcessResult back = SERVER.client("feature:install tributary-webconsole");
            assertEquals(back.describe(), 0, back.exitCode());
        }
        await("the API is back").atMost(Duration.ofSeconds(30)).until(() -> httpStatus(api) == 401);
        assertEquals(List.of(), LiveClients.serverErrors(SERVER, mark));
    }

    private static int httpStatus(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(5000);
            connection.setReadTimeout(5000);
            try {
                return connection.getResponseCode();
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    public void editingTheCfgFileRebindsWithoutRestart() throws IOException {
        int original = SERVER.rtspPort();
        int added = FreePorts.tcp(1)[0];
        Path cfg = SERVER.home().resolve("etc/org.tributary.rtsp.cfg");
        CfgFile.put(cfg, Map.of("ports", original + "," + added));
        await().atMost(Duration.ofSeconds(30)).until(() -> accepts(added));
        assertEquals(200, describe(added, "/sample.mov"));
        // the restore goes through Configuration Admin: a second quick edit of the file can be written over
        LiveConfig.set(SERVER, "org.tributary.rtsp", "ports", String.valueOf(original));
        await().atMost(Duration.ofSeconds(30)).until(() -> !accepts(added));
        assertEquals(200, describe(original, "/sample.mov"));
    }

    @Test
    public void hintedMovieCopiedIntoTheFolderPlays() throws IOException {
        Tools.require("ffmpeg", "ffprobe");
        Path hinted = SERVER.home().resolve("sample-hinted.mp4");
        ProcessResult made = org.tributary.itests.support.ExternalCommand.of("ffmpeg", "-nostdin", "-v", "error", "-y",
                "-i", SERVER.mediaDir().resolve("sample.mp4").toString(), "-c", "copy", "-movflags",
                "+faststart+rtphint", hinted.toString()).timeout(Duration.ofSeconds(60)).run();
        assertEquals(made.describe(), 0, made.exitCode());
        Files.move(hinted, SERVER.mediaDir().resolve("sample-hinted.mp4"));
        PlaybackAssertions.assertPlaysEveryPacket(SERVER, "sample-hinted.mp4", "udp");
    }
}
