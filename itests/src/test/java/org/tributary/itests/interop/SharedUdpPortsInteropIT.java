package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.OpenSockets;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.RtspResponse;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Viewers' UDP media leaves from one RTP/RTCP socket pair per event loop, shared by every viewer on
 * it, so a port range far smaller than the viewers' tracks carries them all: here one pair per event
 * loop of the server, and more concurrent UDP players than that range has pairs, each receiving every
 * packet of the movie.
 */
public class SharedUdpPortsInteropIT {

    /** The server runs one event loop per core; the range holds exactly one pair per loop. */
    private static final int RANGE = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private static final int PLAYERS = RANGE / 2 + 3;
    private static final Pattern SERVER_PORT = Pattern.compile("server_port=(\\d+)-(\\d+)");

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution().withRtpPortRange(RANGE)
            .withConfig("org.tributary.rtsp.cfg", Map.of("maxSessionsPerAddress", "0"));

    @Before
    public void needsFfmpeg() {
        Tools.require("ffmpeg");
    }

    @Test
    public void morePlayersThanTheRangeHasPairsEachReceiveEveryPacket() throws Exception {
        PacketCounts expected = PlaybackAssertions.countsOfFile(SERVER.mediaDir().resolve("sample.mp4"));
        List<CompletableFuture<ProcessResult>> players = new ArrayList<>();
        for (int i = 0; i < PLAYERS; i++) {
            players.add(CompletableFuture.supplyAsync(() -> Ffmpeg.playToFramecrc(SERVER.url("sample.mp4"), "udp")));
        }
        for (CompletableFuture<ProcessResult> player : players) {
            ProcessResult play = player.join();
            assertEquals("ffmpeg exit code" + play.describe(), 0, play.exitCode());
            assertEquals("ffmpeg reported errors or loss" + play.describe(), List.of(), Ffmpeg.problemLines(play));
            assertEquals("packets per stream of one of " + PLAYERS + " concurrent UDP players" + play.describe(),
                    expected, PacketCounts.ofFramecrc(play.stdout()));
        }
    }

    @Test
    public void everyTrackOfALoopNamesOneServerPortPairWhichClosesWithTheLast() throws Exception {
        int[] range = SERVER.rtpPortRange();
        long server = SERVER.pid();
        long before = OpenSockets.udpSocketsOf(server, range[0], range[1]);
        List<RtspTestClient> clients = new ArrayList<>();
        try {
            Set<String> ports = new TreeSet<>();
            for (int session = 0; session < RANGE; session++) {
                RtspTestClient client = new RtspTestClient("127.0.0.1", SERVER.rtspPort());
                clients.add(client);
                Set<String> ofSession = new TreeSet<>();
                for (int track = 1; track <= 2; track++) {
                    int clientPort = 40000 + 4 * session + 2 * track;
                    RtspResponse setup = client.request("SETUP", SERVER.url("sample.mp4") + "/trackID=" + track,
                            "Transport: RTP/AVP;unicast;client_port=" + clientPort + "-" + (clientPort + 1));
                    assertEquals("SETUP of session " + session + setup.describe(), 200, setup.status());
                    Matcher port = SERVER_PORT.matcher(setup.header("Transport"));
                    assertTrue(setup.describe(), port.find());
                    ofSession.add(port.group(1) + "-" + port.group(2));
                }
                assertEquals("both tracks of a session name one server_port: " + ofSession, 1, ofSession.size());
                ports.addAll(ofSession);
            }
            assertTrue(RANGE + " sessions of two tracks use at most a pair per event loop: " + ports,
                    ports.size() <= RANGE / 2);
            assertTrue("no more sockets than a pair per event loop",
                    OpenSockets.udpSocketsOf(server, range[0], range[1]) <= RANGE);
            for (RtspTestClient client : clients) {
                assertEquals(200, client.request("TEARDOWN", SERVER.url("sample.mp4")).status());
            }
        } finally {
            for (RtspTestClient client : clients) {
                client.close();
            }
        }
        await("the shared pairs closed with their last track").atMost(Duration.ofSeconds(10))
                .until(() -> OpenSockets.udpSocketsOf(server, range[0], range[1]) <= before);
    }
}
