package org.tributary.itests.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.RtspResponse;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;
import org.tributary.itests.support.TunnelPost;

/**
 * A session belongs to its client, a Digest answer to its address, and the protocol edges are
 * answered as RFC 2326 says. The victims play from 127.0.0.1 (a real ffmpeg viewer logged in, a
 * viewer driven by hand, one through the HTTP tunnel, an ffmpeg publisher); the attacker connects
 * from 127.0.0.2, over plain RTSP or a tunnel of its own, which is this host too but another client
 * address to the server.
 */
public class SessionHijackInteropIT {

    private static final Login ALICE = new Login("alice", "secret");
    private static final Login BOB = LiveClients.BROADCASTER;
    private static final String PRIVATE = "/private/sample.mp4";
    private static final String ATTACKER = "127.0.0.2";
    private static final Duration NO_RTP_WAIT = Duration.ofSeconds(2);

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution()
            .withConfig("org.tributary.access.cfg", Map.of(
                    "rules", "/ WRITE group broadcaster; /private/ READ valid-user",
                    "maxFailedLogins", "1000"))
            .withFile("etc/qtusers", QtUsers.text(ALICE, BOB))
            .withFile("etc/qtgroups", "broadcaster: " + BOB.user() + "\n");

    @BeforeClass
    public static void protectedMovie() throws IOException {
        Tools.require("ffmpeg", "ffprobe");
        AccessAssertions.copySampleInto(SERVER, "private");
        AccessAssertions.awaitProbe("alice gets the private movie", ALICE.url(SERVER, PRIVATE),
                AccessAssertions::gotStreams);
        // the victims' sessions are read from the shell while they play: it must answer first
        Awaitility.await("the shell lists sessions").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> SERVER.client("stream:sessions").stdout().contains("Proto"));
    }

    @Test
    public void foreignRequestsWithAViewersSessionGet454AndTheViewersKeepPlaying() throws IOException {
        Path movie = SERVER.mediaDir().resolve(PRIVATE.substring(1));
        PacketCounts expected = PlaybackAssertions.countsOfFile(movie);
        String url = SERVER.url(PRIVATE);
        try (RunningCommand ffmpeg = RunningCommand.start(List.of("ffmpeg", "-nostdin", "-v", "warning",
                     "-rtsp_transport", "udp", "-i", ALICE.url(SERVER, PRIVATE), "-map", "0", "-c", "copy",
                     "-f", "framecrc", "-"));
             RtspTestClient victim = new RtspTestClient("127.0.0.1", SERVER.rtspPort())) {
            String ffmpegSession = awaitSession(PRIVATE, "PLAYING", ffmpeg);
            // the hand-driven viewer sets up only the video, so that the audio track is free to steal
            assertEquals(200, authorized(victim, "SETUP", url + "/trackID=1",
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1").status());
            assertEquals(200, victim.request("PLAY", url).status());
            assertNotNull("the victim receives RTP", victim.readFrame(Duration.ofSeconds(5)));

            for (String session : List.of(ffmpegSession, victim.session())) {
                try (RtspTestClient attacker = new RtspTestClient(ATTACKER, "127.0.0.1", SERVER.rtspPort());
                     DatagramSocket rtp = new DatagramSocket(new InetSocketAddress(ATTACKER, 0))) {
                    int port = rtp.getLocalPort();
                    String header = "Session: " + session;
                    assertEquals(454, attacker.request("SETUP", url + "/trackID=2", header,
                            "Transport: RTP/AVP;unicast;client_port=" + port + "-" + (port + 1)).status());
                    for (String method : List.of("PLAY", "PAUSE", "GET_PARAMETER", "SET_PARAMETER", "TEARDOWN")) {
                        assertEquals(method + " with " + session, 454, attacker.request(method, url, header).status());
                    }
                    assertNoDatagram(rtp);
                }
            }
            // from the victim's own address but another connection, an anonymous request is foreign too
            try (RtspTestClient sameHost = new RtspTestClient("127.0.0.1", SERVER.rtspPort())) {
                assertEquals(454, sameHost.request("TEARDOWN", url, "Session: " + victim.session()).status());
            }
            assertNotNull("the victim still receives RTP", victim.readFrame(Duration.ofSeconds(5)));
            assertEquals("the victim still has its session", 200, victim.request("GET_PARAMETER", url).status());
            ProcessResult played = ffmpeg.awaitExit(Ffmpeg.PLAY_TIMEOUT);
            assertEquals("ffmpeg exit code" + played.describe(), 0, played.exitCode());
            assertEquals("the ffmpeg viewer got every packet" + played.describe(), expected,
                    PacketCounts.ofFramecrc(played.stdout()));
        }
    }

    @Test
    public void foreignRequestsThroughTheHttpTunnelGet454AndTheTunnelledViewerKeepsPlaying() throws IOException {
        String url = SERVER.url(PRIVATE);
        TunnelPost victimPost = postFrom("127.0.0.1");
        try (RtspTestClient victim = RtspTestClient.tunnel("127.0.0.1", SERVER.rtspPort(), victimPost)) {
            assertEquals(200, authorized(victim, "SETUP", url + "/trackID=1",
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1").status());
            // the session belongs to the tunnel, not to one POST: QuickTime opens a new POST per request
            victimPost.reopen();
            assertEquals(200, victim.request("PLAY", url).status());
            assertNotNull("the tunnelled victim receives RTP", victim.readFrame(Duration.ofSeconds(5)));
            String header = "Session: " + victim.session();

            try (RtspTestClient attacker = RtspTestClient.tunnel("127.0.0.1", SERVER.rtspPort(), postFrom(ATTACKER))) {
                for (String method : List.of("PLAY", "PAUSE", "GET_PARAMETER", "TEARDOWN")) {
                    assertEquals(method + " through a tunnel from " + ATTACKER, 454,
                            attacker.request(method, url, header).status());
                }
            }
            try (RtspTestClient plain = new RtspTestClient(ATTACKER, "127.0.0.1", SERVER.rtspPort())) {
                for (String method : List.of("PAUSE", "TEARDOWN")) {
                    assertEquals(method + " over plain RTSP from " + ATTACKER, 454,
                            plain.request(method, url, header).status());
                }
            }
            assertNotNull("the tunnelled victim still receives RTP", victim.readFrame(Duration.ofSeconds(5)));
            assertEquals("the tunnelled victim still has its session", 200,
                    victim.request("GET_PARAMETER", url).status());
        }
    }

    @Test
    public void aForeignTeardownLeavesTheBroadcastOnTheAir() throws IOException {
        Path movie = SERVER.mediaDir().resolve(PRIVATE.substring(1));
        String path = "/live/hijack";
        try (RunningCommand publisher = LiveClients.publish(movie, BOB.url(SERVER, path), "tcp", true)) {
            LiveClients.awaitPublished(SERVER, path, publisher);
            String session = awaitSession(path, "RECORDING", publisher);
            try (RtspTestClient attacker = new RtspTestClient(ATTACKER, "127.0.0.1", SERVER.rtspPort())) {
                for (String method : List.of("TEARDOWN", "PAUSE", "RECORD", "GET_PARAMETER")) {
                    assertEquals(method, 454, attacker.request(method, SERVER.url(path), "Session: " + session).status());
                }
            }
            assertEquals("the broadcast is still on the air", 200, LiveClients.describeStatus(SERVER, path));
            assertTrue("the publisher still publishes", publisher.isAlive());
        }
    }

    @Test
    public void capturedDigestAnswersAreUselessFromAnotherAddressAndWithoutQopUsableOnce() throws IOException {
        String url = SERVER.url(PRIVATE);
        try (RtspTestClient victim = new RtspTestClient("127.0.0.1", SERVER.rtspPort());
             RtspTestClient attacker = new RtspTestClient(ATTACKER, "127.0.0.1", SERVER.rtspPort())) {
            String withoutQop = DigestAnswer.authorizationWithoutQop(ALICE, "DESCRIBE", url, md5Challenge(victim, url));
            assertEquals("the victim's own answer", 200, describe(victim, url, withoutQop).status());
            assertEquals("replayed from another address", 401, describe(attacker, url, withoutQop).status());
            RtspResponse again = describe(victim, url, withoutQop);
            assertEquals("replayed from the same address", 401, again.status());
            assertTrue("a fresh challenge, stale" + again.describe(), again.headers().values().stream()
                    .anyMatch(value -> value.contains("stale=true")));

            // an answer with qop captured on its way, sent first from elsewhere
            String withQop = DigestAnswer.authorization(ALICE, "DESCRIBE", url, md5Challenge(victim, url));
            assertEquals("an answer with qop from another address", 401, describe(attacker, url, withQop).status());
            assertEquals("the same answer from its own address", 200, describe(victim, url, withQop).status());
        }
    }

    @Test
    public void protocolEdgesAreAnsweredAsRfc2326Says() throws IOException {
        String url = SERVER.url("/sample.mp4");
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", SERVER.rtspPort())) {
            client.write("OPTIONS * RTSP/2.0\r\nCSeq: 1\r\n\r\n".getBytes());
            assertEquals(505, client.readResponse().status());
            RtspResponse required = client.request("OPTIONS", url, "Require: com.example.fast, play.basic");
            assertEquals(551, required.status());
            assertEquals("com.example.fast, play.basic", required.header("Unsupported"));
            RtspResponse proxy = client.request("DESCRIBE", url, "Proxy-Require: com.example.cache");
            assertEquals(551, proxy.status());
            assertEquals("com.example.cache", proxy.header("Unsupported"));

            assertEquals(200, client.request("SETUP", url + "/trackID=1",
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1").status());
            assertEquals("reverse play", 456, client.request("PLAY", url, "Scale: -1").status());
            for (String invalid : List.of("0", "NaN", "fast", "1e3", "")) {
                assertEquals("Scale '" + invalid + "'", 400, client.request("PLAY", url, "Scale: " + invalid).status());
            }
            RtspResponse fast = client.request("PLAY", url, "Scale: 2");
            assertEquals(200, fast.status());
            assertEquals("played at the scale the server chose", "1", fast.header("Scale"));
        }
        try (RtspTestClient pipelining = new RtspTestClient("127.0.0.1", SERVER.rtspPort())) {
            String wrong = DigestAnswer.authorization(ALICE.withPassword("guess"), "DESCRIBE", SERVER.url(PRIVATE),
                    md5Challenge(pipelining, SERVER.url(PRIVATE)));
            int describe = pipelining.send("DESCRIBE", SERVER.url(PRIVATE), "Authorization: " + wrong);
            int options = pipelining.send("OPTIONS", url);
            RtspResponse first = pipelining.readResponse();
            RtspResponse second = pipelining.readResponse();
            assertEquals("the delayed 401 comes first" + first.describe(), Integer.toString(describe), first.header("CSeq"));
            assertEquals(401, first.status());
            assertEquals(Integer.toString(options), second.header("CSeq"));
            assertEquals(200, second.status());
        }
    }

    /** Sends a request; answers a 401 with alice's Digest (MD5, qop=auth) on a fresh challenge. */
    private static RtspResponse authorized(RtspTestClient client, String method, String url, String... headers)
            throws IOException {
        RtspResponse first = client.request(method, url, headers);
        if (first.status() != 401) {
            return first;
        }
        String[] withLogin = Arrays.copyOf(headers, headers.length + 1);
        withLogin[headers.length] = "Authorization: " + DigestAnswer.authorization(ALICE, method, url, md5(first));
        return client.request(method, url, withLogin);
    }

    /** The POST half of a new RTSP-over-HTTP tunnel from {@code localAddress}; its GET comes from there too. */
    private static TunnelPost postFrom(String localAddress) {
        return new TunnelPost(localAddress, "127.0.0.1", SERVER.rtspPort(), UUID.randomUUID().toString());
    }

    private static RtspResponse describe(RtspTestClient client, String url, String authorization) throws IOException {
        return client.request("DESCRIBE", url, "Accept: application/sdp", "Authorization: " + authorization);
    }

    /** Returns the MD5 challenge of an anonymous DESCRIBE's 401 on {@code client}'s connection. */
    private static String md5Challenge(RtspTestClient client, String url) throws IOException {
        RtspResponse refused = client.request("DESCRIBE", url, "Accept: application/sdp");
        assertEquals(401, refused.status());
        return md5(refused);
    }

    /**
     * The MD5 challenge of a 401. The client keeps one value per header name, so with two
     * challenges it holds the last one, which the server sends as MD5.
     */
    private static String md5(RtspResponse refused) {
        String challenge = refused.header("WWW-Authenticate");
        assertTrue("an MD5 Digest challenge" + refused.describe(), challenge != null && challenge.contains("MD5"));
        return challenge;
    }

    private static void assertNoDatagram(DatagramSocket socket) throws IOException {
        socket.setSoTimeout((int) NO_RTP_WAIT.toMillis());
        try {
            socket.receive(new DatagramPacket(new byte[2048], 2048));
            throw new AssertionError("the attacker received RTP");
        } catch (SocketTimeoutException expected) {
            // nothing came: the session's media never left for the attacker
        }
    }

    /** Waits for the session of {@code path} in {@code state} in {@code stream:sessions} and returns its id. */
    private static String awaitSession(String path, String state, RunningCommand client) {
        AtomicReference<String> last = new AtomicReference<>("");
        AtomicReference<String> id = new AtomicReference<>();
        try {
            Awaitility.await(path + " " + state + " in stream:sessions").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(300)).until(() -> {
                        if (!client.isAlive()) {
                            throw new AssertionError("the client ended" + client.awaitExit(Duration.ZERO).describe());
                        }
                        last.set(SERVER.client("stream:sessions").stdout());
                        Optional<String> found = sessionId(last.get(), path, state);
                        found.ifPresent(id::set);
                        return found.isPresent();
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no " + path + " " + state + " in stream:sessions:\n" + last.get(), e);
        }
        return id.get();
    }

    private static Optional<String> sessionId(String table, String path, String state) {
        return table.replaceAll("\u001B\\[[;\\d]*m", "").lines()
                .map(line -> List.of(line.split("\\s*\\|\\s*")).stream().map(String::trim).toList())
                .filter(cells -> cells.size() > 4 && cells.get(3).equals(path) && cells.get(4).equals(state)
                        && cells.get(2).startsWith("127.0.0.1"))
                .map(cells -> cells.get(0)).findFirst();
    }
}
