package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.RtspResponse;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Hostile connections against the connection guards, each from its own loopback address while a real
 * viewer from 127.0.0.1 plays the whole movie: a client that pipelines requests and never reads (the
 * server's heap stays bounded, the connection is closed after drainTimeout), one address taking every
 * session (capped per connection and per address), slowloris, silent and half-sent tunnel connections
 * (closed within their timeouts), and a session set up and never played on an open connection (reaped
 * after sessionTimeout, while a paused one with keep-alives lives on). The server runs with short
 * timeouts so that each case takes seconds.
 */
public class HostileConnectionsInteropIT {

    private static final int REQUEST_TIMEOUT = 2;
    private static final int IDLE_TIMEOUT = 3;
    private static final int DRAIN_TIMEOUT = 4;
    private static final int SESSION_TIMEOUT = 5;
    private static final int PER_CONNECTION = 4;
    private static final int PER_ADDRESS = 10;
    /** How long a client that does not read may flood: the server must have closed it well before. */
    private static final Duration FLOOD_LIMIT = Duration.ofSeconds(45);
    /** Slack for the server's timers and a loaded 2-core machine. */
    private static final Duration SLACK = Duration.ofSeconds(3);

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution()
            .withConfig("org.tributary.rtsp.cfg", Map.of(
                    "requestTimeout", Integer.toString(REQUEST_TIMEOUT),
                    "idleTimeout", Integer.toString(IDLE_TIMEOUT),
                    "drainTimeout", Integer.toString(DRAIN_TIMEOUT),
                    "sessionTimeout", Integer.toString(SESSION_TIMEOUT),
                    "maxConnections", "30",
                    "maxSessionsPerConnection", Integer.toString(PER_CONNECTION),
                    "maxSessionsPerAddress", Integer.toString(PER_ADDRESS)));

    @Before
    public void needsClients() {
        Tools.require("ffmpeg", "gst-launch-1.0", "jcmd");
    }

    @Test
    public void aClientPipeliningRequestsWithoutReadingIsNotReadAndClosedWithTheHeapBounded() throws Exception {
        ExecutorService flooder = Executors.newSingleThreadExecutor();
        try (RunningCommand viewer = startViewer("tcp")) {
            long heapBefore = usedHeapKib();
            // connected only now: a connection that stays silent while the heap is measured is closed as idle
            Socket flood = connectFrom("127.0.0.3");
            Future<String> flooding = flooder.submit(() -> floodWithoutReading(flood));
            // a few seconds of flooding, then the server's heap while the connection is still open
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
            long heapDuring = usedHeapKib();
            System.out.println("server heap after GC: " + heapBefore / 1024 + " MiB before, " + heapDuring / 1024
                    + " MiB under a client pipelining OPTIONS without reading");
            assertTrue("heap grew by " + (heapDuring - heapBefore) / 1024 + " MiB under a client that does not read",
                    heapDuring - heapBefore < 16 * 1024);
            String ended = flooding.get(FLOOD_LIMIT.toSeconds() + 10, TimeUnit.SECONDS);
            assertTrue("the server closed the flooding connection: " + ended, ended.startsWith("closed"));
            String closing = SERVER.logText().lines()
                    .filter(line -> line.contains("/127.0.0.3:" + flood.getLocalPort())).findFirst().orElse("");
            assertTrue("one log line names the client and the drain timeout: " + closing,
                    closing.contains("(drainTimeout)"));
            flood.close();
            assertPlayedEverything(viewer, "tcp");
        } finally {
            flooder.shutdownNow();
        }
    }

    @Test
    public void oneAddressCannotTakeEverySessionAndAViewerFromAnotherStillPlays() throws Exception {
        List<RtspTestClient> attack = new ArrayList<>();
        try {
            int granted = 0;
            int refusedPerConnection = 0;
            int refusedPerAddress = 0;
            for (int c = 0; c < 8; c++) {
                RtspTestClient client = new RtspTestClient("127.0.0.2", "127.0.0.1", SERVER.rtspPort());
                attack.add(client);
                for (int s = 0; s < 10; s++) {
                    client.send("SETUP", SERVER.url("/sample.mp4") + "/trackID=1",
                            "Transport: RTP/AVP/TCP;unicast;interleaved=" + 2 * s + "-" + (2 * s + 1));
                }
                for (int s = 0; s < 10; s++) {
                    RtspResponse answer = client.readResponse();
                    if (answer.status() == 200) {
                        granted++;
                    } else {
                        assertEquals("a refused session" + answer.describe(), 453, answer.status());
                        refusedPerConnection += answer.statusLine().contains("On This Connection") ? 1 : 0;
                        refusedPerAddress += answer.statusLine().contains("From This Address") ? 1 : 0;
                    }
                }
            }
            assertEquals("sessions one address holds", PER_ADDRESS, granted);
            assertTrue("refusals name the per-connection cap", refusedPerConnection > 0);
            assertTrue("refusals name the per-address cap", refusedPerAddress > 0);
            assertTrue("the log names the cap", SERVER.logText().contains("maxSessionsPerAddress is " + PER_ADDRESS));
            PlaybackAssertions.assertPlaysEveryPacket(SERVER, "sample.mp4", "udp");
        } finally {
            for (RtspTestClient client : attack) {
                client.close();
            }
        }
    }

    @Test
    public void slowSilentAndHalfSentTunnelConnectionsAreClosedWithinTheirTimeouts() throws Exception {
        try (RunningCommand viewer = startViewer("http")) {
            List<Socket> silent = new ArrayList<>();
            try (Socket slowloris = connectFrom("127.0.0.5"); Socket halfGet = connectFrom("127.0.0.6")) {
                for (int i = 0; i < 50; i++) {
                    silent.add(connectFrom("127.0.0.7"));
                }
                long start = System.nanoTime();
                slowloris.getOutputStream().write(ascii("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n"));
                halfGet.getOutputStream().write(ascii("GET /sample.mp4 HTTP/1.0\r\nx-sessioncookie: half\r\n"));
                boolean slowOpen = true;
                boolean halfOpen = true;
                for (int second = 0; second < 10 && (slowOpen || halfOpen); second++) {
                    // one header byte a second: never idle, never a whole request
                    slowOpen = slowOpen && trickle(slowloris);
                    halfOpen = halfOpen && trickle(halfGet);
                }
                long seconds = (System.nanoTime() - start) / 1_000_000_000L;
                assertFalse("slowloris closed", slowOpen);
                assertFalse("half-sent tunnel GET closed", halfOpen);
                assertTrue("closed within requestTimeout, took " + seconds + " s",
                        seconds <= REQUEST_TIMEOUT + SLACK.toSeconds());
                for (Socket socket : silent) {
                    socket.setSoTimeout((int) Duration.ofSeconds(IDLE_TIMEOUT).plus(SLACK).toMillis());
                    assertEquals("a silent connection is closed after idleTimeout", -1, socket.getInputStream().read());
                }
            } finally {
                for (Socket socket : silent) {
                    socket.close();
                }
            }
            assertPlayedEverything(viewer, "http");
        }
    }

    @Test
    public void aSessionNeverPlayedIsReapedOnItsOpenConnectionAndAPausedOneWithKeepAlivesLives() throws Exception {
        try (RunningCommand gstreamer = RunningCommand.start(Gstreamer.command(SERVER.url("/sample.mp4"), "udp"));
             RtspTestClient idle = new RtspTestClient("127.0.0.4", "127.0.0.1", SERVER.rtspPort());
             RtspTestClient paused = new RtspTestClient("127.0.0.4", "127.0.0.1", SERVER.rtspPort())) {
            String track = SERVER.url("/sample.mp4") + "/trackID=1";
            RtspResponse setUp = idle.request("SETUP", track, "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            assertEquals(setUp.describe(), 200, setUp.status());
            assertEquals(200, paused.request("SETUP", track, "Transport: RTP/AVP/TCP;unicast;interleaved=0-1").status());
            assertEquals(200, paused.request("PLAY", SERVER.url("/sample.mp4")).status());
            assertEquals(200, paused.request("PAUSE", SERVER.url("/sample.mp4")).status());
            long start = System.nanoTime();
            int idleStatus = 200;
            for (int second = 0; second < SESSION_TIMEOUT + SLACK.toSeconds() + 2 && idleStatus == 200; second++) {
                // keep-alives on both, a second apart; the connections stay open
                idleStatus = keepAlive(idle);
                assertEquals("a paused session with keep-alives lives", 200,
                        paused.request("GET_PARAMETER", SERVER.url("/sample.mp4")).status());
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue("the never-played session is gone (454, or its connection closed): " + idleStatus,
                    idleStatus == 454 || idleStatus == -1);
            assertTrue("reaped after sessionTimeout, took " + seconds + " s",
                    seconds >= SESSION_TIMEOUT - 1 && seconds <= SESSION_TIMEOUT + SLACK.toSeconds());
            assertTrue(SERVER.logText().contains(setUp.sessionId() + " of 127.0.0.4"));
            ProcessResult played = gstreamer.awaitExit(Ffmpeg.PLAY_TIMEOUT);
            assertTrue("GStreamer over UDP plays to the end" + played.describe(), Gstreamer.reachedEndOfStream(played));
        }
    }

    /** GET_PARAMETER on the client's session, then a second without media: its status, or -1 once closed. */
    private static int keepAlive(RtspTestClient client) {
        try {
            int status = client.request("GET_PARAMETER", SERVER.url("/sample.mp4")).status();
            client.readFrame(Duration.ofSeconds(1));
            return status;
        } catch (IOException closed) {
            return -1;
        }
    }

    private static RunningCommand startViewer(String transport) {
        return RunningCommand.start(List.of("ffmpeg", "-nostdin", "-v", "warning", "-rtsp_transport", transport,
                "-i", SERVER.url("/sample.mp4"), "-map", "0", "-c", "copy", "-f", "framecrc", "-"));
    }

    private static void assertPlayedEverything(RunningCommand viewer, String transport) {
        ProcessResult play = viewer.awaitExit(Ffmpeg.PLAY_TIMEOUT);
        assertEquals("viewer over " + transport + " exit code" + play.describe(), 0, play.exitCode());
        assertEquals("viewer errors or loss" + play.describe(), List.of(), Ffmpeg.problemLines(play));
        assertEquals("packets the viewer received over " + transport + play.describe(),
                PlaybackAssertions.countsOfFile(SERVER.mediaDir().resolve("sample.mp4")),
                PacketCounts.ofFramecrc(play.stdout()));
    }

    /**
     * Writes pipelined OPTIONS as fast as the server takes them and never reads an answer, until the
     * server closes the connection (the blocked write fails) or {@link #FLOOD_LIMIT} passed.
     */
    private static String floodWithoutReading(Socket flood) {
        byte[] one = ascii("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n");
        byte[] burst = new byte[one.length * 2000];
        for (int i = 0; i < 2000; i++) {
            System.arraycopy(one, 0, burst, i * one.length, one.length);
        }
        long sent = 0;
        long end = System.nanoTime() + FLOOD_LIMIT.toNanos();
        try {
            while (System.nanoTime() < end) {
                flood.getOutputStream().write(burst);
                sent += burst.length;
            }
            return "still open after " + sent + " bytes";
        } catch (IOException closed) {
            return "closed after " + sent + " bytes: " + closed.getMessage();
        }
    }

    /** The server's used heap after a full collection, in KiB, from {@code jcmd}. */
    private static long usedHeapKib() {
        String pid = Long.toString(SERVER.pid());
        ProcessResult gc = ExternalCommand.of("jcmd", pid, "GC.run").timeout(Duration.ofSeconds(30)).run();
        assertEquals(gc.describe(), 0, gc.exitCode());
        ProcessResult info = ExternalCommand.of("jcmd", pid, "GC.heap_info").timeout(Duration.ofSeconds(30)).run();
        Matcher used = Pattern.compile("used (\\d+)K").matcher(info.stdout());
        assertTrue("heap figures from jcmd" + info.describe(), used.find());
        return Long.parseLong(used.group(1));
    }

    private static Socket connectFrom(String local) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(local, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", SERVER.rtspPort()), 5000);
        return socket;
    }

    /** Sends one more header byte, then waits a second for the server to close: false once it did. */
    private static boolean trickle(Socket socket) throws IOException {
        try {
            socket.getOutputStream().write('X');
            socket.setSoTimeout(1000);
            InputStream in = socket.getInputStream();
            return in.read() != -1;
        } catch (SocketTimeoutException stillOpen) {
            return true;
        } catch (IOException reset) {
            return false;
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
