package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.tributary.itests.interop.LiveClients.BROADCASTER;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.tributary.itests.support.CfgFile;
import org.tributary.itests.support.FreePorts;
import org.tributary.itests.support.InterleavedSession;
import org.tributary.itests.support.RtspResponse;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.Tmpfs;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Faults of the server's surroundings, on one server: one of its two RTSP ports held by another program
 * when it starts, a refused value in a configuration file at start and while it runs, the disk of the
 * access log full (a 256 KiB tmpfs), and the media folder made unreadable. The server runs without the
 * capabilities that let root ignore file permissions (setpriv), as an unprivileged server would.
 */
public class EnvironmentFaultsInteropIT {

    private static final int SQUATTED_PORT = FreePorts.tcp(1)[0];
    private static final ServerSocket SQUATTER = squat(SQUATTED_PORT);
    private static final Tmpfs ACCESS_LOG_DISK = new Tmpfs("access-log-disk", 256);
    private static final String DROP_FILE_CAPS = "-dac_override,-dac_read_search";
    private static final TributaryDistribution SERVER = LiveClients.withBroadcaster(new TributaryDistribution())
            .withCommandPrefix("setpriv", "--inh-caps=" + DROP_FILE_CAPS, "--bounding-set=" + DROP_FILE_CAPS)
            .withExtraRtspPort(SQUATTED_PORT)
            .withConfig("org.ops4j.pax.logging.cfg", Map.of(
                    "log4j2.appender.access.fileName", ACCESS_LOG_DISK.folder().resolve("access.log").toString(),
                    "log4j2.appender.access.filePattern", ACCESS_LOG_DISK.folder().resolve("access-%i.log").toString()))
            .withConfig("org.tributary.source.live.cfg", Map.of("publisherTimeout", "soon"))
            .withConfig("org.tributary.rtsp.cfg", Map.of("sessionTimeout", "soon"));

    @ClassRule
    public static final RuleChain DISK_THEN_SERVER = RuleChain.outerRule(ACCESS_LOG_DISK).around(SERVER);

    /** Each fault strikes at once: the bystander only has to play while it does. */
    private static final int BYSTANDER_SECONDS = 10;
    private static final int SHORT_SESSIONS = 60;
    /** The server tries a port it could not bind every 5 s; room for a loaded machine. */
    private static final Duration BOUND_WITHIN = Duration.ofSeconds(20);
    private static final Duration LOGGED_WITHIN = Duration.ofSeconds(15);

    @Before
    public void needsFfmpeg() {
        Tools.require("ffmpeg", "setpriv");
    }

    @AfterClass
    public static void freePort() throws IOException {
        SQUATTER.close();
    }

    @Test
    public void portHeldAtStartIsReportedAndBoundOnceFreed() throws IOException {
        String status = SERVER.client("stream:status").stdout();
        assertTrue("stream:status must say port " + SQUATTED_PORT + " is not bound:\n" + status,
                status.lines().anyMatch(line -> line.contains(Integer.toString(SQUATTED_PORT))
                        && line.contains("NOT BOUND")));
        assertTrue("karaf.log must name the port that could not be bound" + SERVER.recentLog(),
                SERVER.logText().lines().anyMatch(line -> line.contains("Cannot listen on RTSP 127.0.0.1:" + SQUATTED_PORT)
                        && line.contains("Address already in use")));
        try (Bystander bystander = Bystander.start(SERVER, BYSTANDER_SECONDS, "tcp")) {
            SQUATTER.close();
            String url = "rtsp://127.0.0.1:" + SQUATTED_PORT + "/sample.mp4";
            await("DESCRIBE on port " + SQUATTED_PORT + " once it was freed").atMost(BOUND_WITHIN).ignoreExceptions()
                    .pollInterval(Duration.ofMillis(500)).until(() -> describeStatus(url) == 200);
            bystander.assertPlayedEveryPacket();
        }
    }

    @Test
    public void refusedValueAtStartIsLoggedAndTheDefaultsServe() throws IOException {
        assertTrue("karaf.log must name the refused publisherTimeout" + SERVER.recentLog(),
                SERVER.logText().lines().anyMatch(line -> line.contains("publisherTimeout") && line.contains("WARN")));
        // only the refused RTSP setting takes its default: the server listens on its configured port and address
        assertTrue("karaf.log must name the refused sessionTimeout, the only RTSP setting at its default"
                + SERVER.recentLog(), SERVER.logText().lines().anyMatch(line -> line.contains("WARN")
                        && line.contains("RTSP configuration refused in part, [sessionTimeout] at their defaults")
                        && line.contains("sessionTimeout: 'soon' is not a whole number")));
        assertEquals("DESCRIBE on the configured port", 200, LiveClients.describeStatus(SERVER, "sample.mp4"));
        String path = "/live/defaults";
        try (RunningCommand publisher = LiveClients.publish(SERVER.mediaDir().resolve("sample.mp4"),
                BROADCASTER.url(SERVER, path), "tcp", true)) {
            LiveClients.awaitPublished(SERVER, path, publisher);
            try (RunningCommand viewer = LiveClients.decode(SERVER.url(path), "tcp", 3)) {
                LiveClients.assertDecodedCleanly("viewer of " + path, viewer.awaitExit(LiveClients.VIEWER_TIMEOUT), 50);
            }
        }
    }

    @Test
    public void refusedValueWhileRunningIsLoggedAndTheLastGoodSettingsServe() throws IOException {
        Path cfg = SERVER.home().resolve("etc/org.tributary.rtsp.cfg");
        String good = Files.readString(cfg);
        int mark = AccessAssertions.logMark(SERVER);
        try (Bystander bystander = Bystander.start(SERVER, BYSTANDER_SECONDS, "udp")) {
            CfgFile.put(cfg, Map.of("maxConnections", "lots"));
            AccessAssertions.awaitLogLine(SERVER, mark, "maxConnections");
            assertEquals("DESCRIBE on the configured port after the refused edit", 200,
                    LiveClients.describeStatus(SERVER, "sample.mp4"));
            bystander.assertPlayedEveryPacket();
        } finally {
            Files.writeString(cfg, good);
        }
    }

    @Test
    public void fullAccessLogDiskIsLoggedOnceInKarafLogNoLineIsCutAndStreamingGoesOn() throws IOException {
        Path accessLog = ACCESS_LOG_DISK.folder().resolve("access.log");
        int mark = AccessAssertions.logMark(SERVER);
        try (Bystander bystander = Bystander.start(SERVER, BYSTANDER_SECONDS, "udp")) {
            ACCESS_LOG_DISK.fill();
            long before = Files.size(accessLog);
            try {
                // each finished session is one access log line (~140 bytes): the reserve is 64 KiB
                for (int i = 0; i < SHORT_SESSIONS; i++) {
                    playBriefly();
                }
                bystander.assertPlayedEveryPacket();
            } finally {
                ACCESS_LOG_DISK.free();
            }
            assertEquals("the access log on a full disk: no line written, none cut", before, Files.size(accessLog));
            assertTrue("the access log ends on a whole line", Files.readString(accessLog).endsWith("\n"));
        }
        String full = "Access log " + accessLog + ": its disk is full";
        AccessAssertions.awaitLogLine(SERVER, mark, full);
        long warnings = SERVER.logText().substring(mark).lines().filter(line -> line.contains(full)).count();
        assertEquals("karaf.log says once that the access log's disk is full", 1, warnings);
        String console = Files.readString(SERVER.home().resolve("console.log"));
        assertFalse("the logging system never failed a write, so the console has no complaint:\n" + console,
                console.contains("Unable to write to stream " + accessLog));
        long freed = Files.size(accessLog);
        playBriefly();
        await("an access log line once there is room again").atMost(LOGGED_WITHIN)
                .until(() -> Files.size(accessLog) > freed);
        AccessAssertions.awaitLogLine(SERVER, mark, "Access log " + accessLog + ": its disk has room again");
    }

    /** One viewer session of the sample over TCP: DESCRIBE, SETUP, PLAY, a frame, TEARDOWN. */
    private static void playBriefly() throws IOException {
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", SERVER.rtspPort())) {
            InterleavedSession session = InterleavedSession.setUp(client, SERVER.url("sample.mp4"));
            session.play();
            assertNotNull("a frame of the sample", client.readFrame(Duration.ofSeconds(5)));
            client.request("TEARDOWN", session.sdp().url());
        }
    }

    @Test
    public void unreadableMediaFolderIsRefusedByNameAndServedWhenReadableAgain() throws IOException {
        Path media = SERVER.mediaDir();
        Set<PosixFilePermission> readable = Files.getPosixFilePermissions(media);
        try (Bystander bystander = Bystander.start(SERVER, BYSTANDER_SECONDS, "tcp")) {
            int mark = AccessAssertions.logMark(SERVER);
            Files.setPosixFilePermissions(media, PosixFilePermissions.fromString("---------"));
            try {
                RtspResponse refused = LiveClients.describe(SERVER, "sample.mp4");
                assertEquals("DESCRIBE of a movie in the unreadable folder" + refused.describe(), 404, refused.status());
                AccessAssertions.awaitLogLine(SERVER, mark, "The media folder " + media + " cannot be read");
            } finally {
                Files.setPosixFilePermissions(media, readable);
            }
            assertEquals("DESCRIBE once the folder is readable again", 200,
                    LiveClients.describeStatus(SERVER, "sample.mp4"));
            bystander.assertPlayedEveryPacket();
        }
    }

    private static int describeStatus(String url) throws IOException {
        try (RtspTestClient client = RtspTestClient.connect(url)) {
            return client.request("DESCRIBE", url, "Accept: application/sdp").status();
        }
    }

    private static ServerSocket squat(int port) {
        try {
            return new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hold port " + port, e);
        }
    }
}
