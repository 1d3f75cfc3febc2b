package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.tributary.itests.support.CfgFile;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.LiveConfig;
import org.tributary.itests.support.OpenSockets;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.SelfSignedKeystore;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * RTSPS: with a self-signed keystore made by keytool, ffmpeg and GStreamer play {@code rtsps://}
 * (interleaved in TLS, RTSP over HTTPS, and UDP media beside a TLS control connection); bad input on
 * the TLS port (plain RTSP, garbage, a silent connection, a client that rejects the certificate) is
 * closed, logged, and leaves no connection behind; a bad keystore stops only RTSPS, live.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class RtspsInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution().withRtsps();

    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    private static final String FAILED_HANDSHAKE = "RTSPS handshake from";

    @Test
    public void ffmpegPlaysEveryPacketInterleavedInTls() {
        Tools.require("ffmpeg");
        PlaybackAssertions.assertPlaysEveryPacket(sample(), SERVER.rtspsUrl("sample.mp4"), "tcp");
    }

    @Test
    public void ffmpegPlaysEveryPacketThroughAnHttpsTunnelOnTheTlsPort() {
        Tools.require("ffmpeg");
        PlaybackAssertions.assertPlaysEveryPacket(sample(),
                "rtsp://127.0.0.1:" + SERVER.rtspsPort() + "/sample.mp4", "https");
    }

    @Test
    public void gstreamerDecodesEveryPictureInterleavedInTls() {
        assertGstreamerDecodesEveryPicture("tcp");
    }

    @Test
    public void gstreamerDecodesEveryPictureOverUdpBesideATlsControlConnection() {
        assertGstreamerDecodesEveryPicture("udp");
    }

    @Test
    public void plainRtspOnTheTlsPortIsClosed() throws IOException {
        assertClosedLoggedAndReleased(client -> client.write(
                ("OPTIONS " + SERVER.rtspsUrl("sample.mp4") + " RTSP/1.0\r\nCSeq: 1\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII)), HANDSHAKE_TIMEOUT);
    }

    @Test
    public void garbageOnTheTlsPortIsClosed() throws IOException {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        garbage[0] = 0x42; // anything but a handshake record
        assertClosedLoggedAndReleased(client -> client.write(garbage), HANDSHAKE_TIMEOUT);
    }

    @Test
    public void aConnectionThatNeverStartsTheHandshakeIsClosedAfterTheTimeout() throws IOException {
        long started = System.nanoTime();
        assertClosedLoggedAndReleased(client -> { }, HANDSHAKE_TIMEOUT.multipliedBy(2));
        Duration open = Duration.ofNanos(System.nanoTime() - started);
        assertTrue("closed after " + open + ", before the 10 s handshake timeout",
                open.compareTo(HANDSHAKE_TIMEOUT.minusSeconds(1)) >= 0);
    }

    @Test
    public void gstreamerRejectingTheCertificateIsClosedCleanly() throws IOException {
        Tools.require("gst-launch-1.0");
        long before = OpenSockets.tcpConnections(SERVER.rtspsPort());
        long logged = failedHandshakesLogged();
        // without tls-validation-flags=0 rtspsrc validates the self-signed certificate, and refuses it
        ProcessResult play = ExternalCommand.of(Gstreamer.command(SERVER.rtspsUrl("sample.mp4"), "tcp"))
                .timeout(Duration.ofSeconds(60)).run();
        assertFalse("GStreamer accepted a self-signed certificate" + play.describe(),
                Gstreamer.reachedEndOfStream(play));
        awaitReleasedAndLogged(before, logged);
    }

    @Test
    public void statusListsTheRtspsEndpoint() {
        ProcessResult status = SERVER.client("stream:status");
        assertTrue(status.describe(), status.stdoutLines().stream().anyMatch(line -> line.contains("RTSPS")
                && line.contains("127.0.0.1") && line.contains(String.valueOf(SERVER.rtspsPort()))
                && line.contains("serving")));
    }

    /** Named to run last: breaks the keystore password, then mends it. */
    @Test
    public void zzABadKeystoreStopsOnlyRtspsAndTheMendedOneServesAgain() throws IOException {
        Tools.require("ffprobe");
        Path cfg = SERVER.home().resolve("etc/org.tributary.rtsp.cfg");
        int tlsPort = SERVER.rtspsPort();
        try {
            CfgFile.put(cfg, Map.of("tlsKeystorePassword", "wrong"));
            await().atMost(Duration.ofSeconds(30)).until(() -> !OpenSockets.accepts("127.0.0.1", tlsPort));
            assertTrue(SERVER.logText(), SERVER.logText().lines().anyMatch(line -> line.contains("ERROR")
                    && line.contains(SERVER.home().resolve("etc/rtsps.p12").toString())
                    && line.contains("wrong password")));
            assertEquals("the plain port serves on", 0, Ffmpeg.probeStreams(SERVER.url("sample.mp4"), "tcp").exitCode());
            ProcessResult status = SERVER.client("stream:status");
            assertTrue(status.describe(), status.stdout().contains("NOT BOUND: keystore"));
        } finally {
            // the mend goes through Configuration Admin: a second quick edit of the file can be written over
            LiveConfig.set(SERVER, "org.tributary.rtsp", "tlsKeystorePassword", SelfSignedKeystore.PASSWORD);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> OpenSockets.accepts("127.0.0.1", tlsPort));
        ProcessResult probe = Ffmpeg.probeStreams(SERVER.rtspsUrl("sample.mp4"), "tcp");
        assertEquals("rtsps after the keystore was mended" + probe.describe(), 0, probe.exitCode());
    }

    private static void assertGstreamerDecodesEveryPicture(String protocol) {
        Tools.require("gst-launch-1.0");
        ProcessResult play = ExternalCommand.of(Gstreamer.countingCommand(SERVER.rtspsUrl("sample.mp4"), protocol,
                "tls-validation-flags=0")).timeout(Ffmpeg.PLAY_TIMEOUT).run();
        assertTrue("GStreamer reaches the end over " + protocol + play.describe(), Gstreamer.reachedEndOfStream(play));
        assertEquals("decoded pictures over " + protocol + play.describe(), 250, Gstreamer.decodedPictures(play));
    }

    private static final AtomicInteger RAW_CLIENTS =
            new AtomicInteger();

    /** What a raw client does on the TLS port before waiting for the server to close it. */
    private interface RawClient {
        void send(RtspTestClient client) throws IOException;
    }

    /**
     * Runs {@code client} on a fresh connection to the TLS port, asserts the server closes it within
     * {@code within}, logs the failed handshake, and holds no more connections than before.
     */
    private static void assertClosedLoggedAndReleased(RawClient client, Duration within) throws IOException {
        long before = OpenSockets.tcpConnections(SERVER.rtspsPort());
        long logged = failedHandshakesLogged();
        // each from an address of its own: failed handshakes are logged once per address every 10 s
        String from = "127.0.1." + RAW_CLIENTS.incrementAndGet();
        try (RtspTestClient connection = new RtspTestClient(from, "127.0.0.1", SERVER.rtspsPort())) {
            client.send(connection);
            assertTrue("the server closes the connection", connection.closedByServer(within));
        }
        awaitReleasedAndLogged(before, logged);
    }

    private static void awaitReleasedAndLogged(long connectionsBefore, long loggedBefore) {
        await("the server's connections on the TLS port back to " + connectionsBefore)
                .atMost(Duration.ofSeconds(20))
                .until(() -> OpenSockets.tcpConnections(SERVER.rtspsPort()) == connectionsBefore);
        await("a log line for the failed handshake").atMost(Duration.ofSeconds(10))
                .until(() -> failedHandshakesLogged() > loggedBefore);
    }

    private static long failedHandshakesLogged() {
        return SERVER.logText().lines().filter(line -> line.contains(FAILED_HANDSHAKE)).count();
    }

    private static Path sample() {
        return SERVER.mediaDir().resolve("sample.mp4");
    }
}
