package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.tributary.itests.support.CfgFile;
import org.tributary.itests.support.FreePorts;
import org.tributary.itests.support.LiveConfig;
import org.tributary.itests.support.InterleavedSession;
import org.tributary.itests.support.OpenSockets;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Running the service as an operator does, through {@code bin/client} and the {@code .cfg} files: stop
 * and start it without stopping Karaf, a refused configuration, a port another program holds, a hand
 * edit after a Web Console save, and a scripted user.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ServiceInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution()
            .withConfig("org.tributary.access.cfg", Map.of("rules", "/private/ READ valid-user"));

    private static final Duration APPLIED = Duration.ofSeconds(30);

    @BeforeClass
    public static void privateMovie() throws IOException {
        Tools.require("ffmpeg", "ffprobe");
        AccessAssertions.copySampleInto(SERVER, "private");
    }

    private static Path rtspCfg() {
        return SERVER.home().resolve("etc/org.tributary.rtsp.cfg");
    }

    private static boolean accepts(int port) {
        return OpenSockets.accepts("127.0.0.1", port);
    }

    private static String shell(String command) {
        ProcessResult result = SERVER.client(command);
        assertEquals(command + result.describe(), 0, result.exitCode());
        return result.stdout();
    }

    private static int options(int port) throws IOException {
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", port)) {
            return client.request("OPTIONS", SERVER.url("/")).status();
        }
    }

    @Test
    public void a_stoppingTheServiceClosesThePortAndEndsTheViewerAndStartingServesAgain() throws IOException {
        int port = SERVER.rtspPort();
        try (RtspTestClient viewer = new RtspTestClient("127.0.0.1", port)) {
            InterleavedSession session = InterleavedSession.setUp(viewer, SERVER.url("/sample.mp4"));
            assertEquals(200, session.play().status());
            assertTrue("media flows", viewer.readFrame(Duration.ofSeconds(10)) != null);
            // paused, the session and its connection stay for sessionTimeout (60 s) unless the service stops
            assertEquals(200, session.pause().status());
            assertTrue(shell("stream:service stop").contains("Service stopped"));
            assertTrue("the viewer's connection is closed", viewer.closedByServer(Duration.ofSeconds(10)));
        }
        assertFalse("the port is closed", accepts(port));
        assertTrue(shell("stream:service status").contains("Service RTSP: STOPPED"));
        // a change saved while stopped is kept for the start, and does not start the service
        int mark = SERVER.logText().length();
        CfgFile.put(rtspCfg(), Map.of("sessionTimeout", "55"));
        await().atMost(APPLIED).until(() -> SERVER.logText().substring(mark).contains("session timeout 55 s"));
        assertFalse("still stopped after a configuration change", accepts(port));
        assertTrue(shell("stream:service start").contains("Service started"));
        await("the port answers again").atMost(APPLIED).until(() -> accepts(port));
        assertEquals(200, options(port));
        assertTrue(shell("stream:service").contains("Service RTSP: serving"));
    }

    @Test
    public void b_aRefusedPortIsOneLineInStatusWithoutStackTraceAndTheLastGoodPortsServe() throws IOException {
        int port = SERVER.rtspPort();
        int mark = SERVER.logText().length();
        CfgFile.put(rtspCfg(), Map.of("ports", port + ",70000"));
        String error = "ports: 70000 is outside 1-65535";
        await("the refusal is logged").atMost(APPLIED).until(() -> SERVER.logText().substring(mark).contains(error));
        String status = shell("stream:status");
        assertTrue(status, status.contains(error));
        assertEquals(status, 1, status.lines().filter(line -> line.contains("Configuration error")).count());
        assertEquals(200, options(port));
        assertTrue(SERVER.logText().substring(mark).contains("RTSP configuration refused, the last good one stays in "
                + "force: ports: 70000 is outside 1-65535"));
        assertEquals(List.of(), LiveClients.serverErrors(SERVER, mark));
        // the restore goes through Configuration Admin: a second quick edit of the file can be written over
        LiveConfig.set(SERVER, "org.tributary.rtsp", "ports", String.valueOf(port));
        await("a good configuration clears it").atMost(APPLIED)
                .until(() -> !SERVER.client("stream:status").stdout().contains("Configuration error"));
    }

    @Test
    public void c_aPortInUseIsBoundOnceItsHolderLetsGo() throws IOException {
        int port = SERVER.rtspPort();
        int squatted = FreePorts.tcp(1)[0];
        int mark = SERVER.logText().length();
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress("0.0.0.0", squatted));
            CfgFile.put(rtspCfg(), Map.of("ports", port + "," + squatted));
            await("the port is listed as not bound").atMost(APPLIED).until(() -> SERVER.client("stream:status")
                    .stdout().lines().anyMatch(line -> line.contains(squatted + " ") && line.contains("NOT BOUND")));
        }
        await("bound on a retry").atMost(Duration.ofSeconds(20)).until(() -> accepts(squatted));
        assertEquals(200, options(squatted));
        String log = SERVER.logText().substring(mark);
        assertEquals(log, 1, log.lines().filter(line -> line.contains("is free again")).count());
        assertEquals(log, 1, log.lines().filter(line -> line.contains("Cannot listen on")).count());
        // the restore goes through Configuration Admin: a second quick edit of the file can be written over
        LiveConfig.set(SERVER, "org.tributary.rtsp", "ports", String.valueOf(port));
        await().atMost(APPLIED).until(() -> !accepts(squatted));
    }

    @Test
    public void d_aConsoleSaveLandsInTheFileAndALineAddedByHandAfterItIsApplied() throws Exception {
        int port = SERVER.rtspPort();
        ConsoleSave.post(SERVER, "org.tributary.rtsp", Map.of("sessionTimeout", "45"));
        // plain when the console dropped the file's tie (written back by Tributary), typed when Karaf kept it (an
        // earlier config:property-set ties the configuration to its file, and Karaf then writes it back itself)
        awaitFileHolds("sessionTimeout = 45", "sessionTimeout = I\"45\"");
        int added = FreePorts.tcp(1)[0];
        int mark = SERVER.logText().length();
        // as the README shows: a plain line added by hand
        CfgFile.put(rtspCfg(), Map.of("ports", port + "," + added));
        await("the hand-edited port binds").atMost(APPLIED).until(() -> accepts(added));
        assertEquals(200, options(added));
        await("the console's value stays").atMost(APPLIED)
                .until(() -> SERVER.logText().substring(mark).contains("session timeout 45 s"));
        // the restore goes through Configuration Admin: a second quick edit of the file can be written over
        LiveConfig.set(SERVER, "org.tributary.rtsp", "ports", String.valueOf(port));
        await().atMost(APPLIED).until(() -> !accepts(added));
    }

    @Test
    public void d_typedLinesKarafWroteAndAPlainLineMixInOneFile() throws IOException {
        int port = SERVER.rtspPort();
        int added = FreePorts.tcp(1)[0];
        int mark = SERVER.logText().length();
        // what Karaf writes after a ConfigurationAdmin update with an Integer, then a line added by hand
        CfgFile.put(rtspCfg(), Map.of("sessionTimeout", "I\"44\"", "nonceLifetime", "I\"300\"",
                "ports", port + "," + added));
        await("the hand-edited port binds").atMost(APPLIED).until(() -> accepts(added));
        // the settings line is logged once the ports are bound: a client may get in first
        await("the typed values applied").atMost(APPLIED)
                .until(() -> SERVER.logText().substring(mark).contains("session timeout 44 s"));
        assertFalse(shell("stream:status").contains("Configuration error"));
        // the restore goes through Configuration Admin: a second quick edit of the file can be written over
        LiveConfig.set(SERVER, "org.tributary.rtsp", "ports", String.valueOf(port));
        await().atMost(APPLIED).until(() -> !accepts(added));
    }

    private static void awaitFileHolds(String line, String typedLine) throws IOException {
        try {
            await("the file holds " + line).atMost(APPLIED).until(() -> Files.readString(rtspCfg()).lines()
                    .anyMatch(held -> held.equals(line) || held.equals(typedLine)));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(Files.readString(rtspCfg()), e);
        }
    }

    @Test
    public void e_aScriptedUserLogsInWithDigestAndAKarafUserIsToldWhyNot() {
        Login carol = new Login("carol", "s3cret");
        assertTrue(shell("stream:user-add --password s3cret carol").contains("Added user carol"));
        AccessAssertions.awaitProbe("carol logs in with Digest", carol.url(SERVER, "/private/sample.mp4"),
                AccessAssertions::gotStreams);
        int mark = AccessAssertions.logMark(SERVER);
        AccessAssertions.assertRefused(new Login("karaf", "karaf").url(SERVER, "/private/sample.mp4"),
                "401 Unauthorized");
        AccessAssertions.awaitLogLine(SERVER, mark, "A Karaf (JAAS) user such as 'karaf' cannot log in with Digest");
    }
}
