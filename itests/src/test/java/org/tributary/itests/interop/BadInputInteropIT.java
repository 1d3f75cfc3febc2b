package org.tributary.itests.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.Verifier;
import org.junit.runners.MethodSorters;
import org.tributary.itests.support.InterleavedSession;
import org.tributary.itests.support.RtspResponse;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.SessionDescription;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Malformed, unsupported and hostile requests get the RTSP status that names the problem (or
 * the connection is closed), and the server goes on serving: after every test sample.mp4 still
 * DESCRIBEs 200, and the last test (named to run last) plays it through.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class BadInputInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution();

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    @Rule
    public final Verifier stillServes = new Verifier() {
        @Override
        protected void verify() throws Throwable {
            try (RtspTestClient client = RtspTestClient.connect(sample())) {
                RtspResponse describe = client.request("DESCRIBE", sample(), "Accept: application/sdp");
                assertEquals("sample.mp4 after a bad request" + describe.describe(), 200, describe.status());
            }
        }
    };

    @Test
    public void garbageGets400AndTheConnectionIsClosed() throws IOException {
        try (RtspTestClient client = RtspTestClient.connect(sample())) {
            client.write("%%% this is not RTSP %%%\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            RtspResponse response = client.readResponse();
            assertEquals("garbage" + response.describe(), 400, response.status());
            assertTrue("connection still open after a 400 for garbage", client.closedByServer(CLOSE_TIMEOUT));
        }
    }

    @Test
    public void unknownMethodGets501() throws IOException {
        assertStatus(501, "FOO", sample());
    }

    @Test
    public void headersOver8KiBCloseTheConnection() throws IOException {
        StringBuilder request = new StringBuilder("DESCRIBE " + sample() + " RTSP/1.0\r\nCSeq: 1\r\n");
        for (int i = 0; i < 20; i++) {
            request.append("X-Filler-").append(i).append(": ").append("a".repeat(500)).append("\r\n");
        }
        request.append("\r\n");
        try (RtspTestClient client = RtspTestClient.connect(sample())) {
            try {
                client.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            } catch (IOException resetWhileWriting) {
                return; // the server closed before reading it all: that is a close too
            }
            assertTrue("connection still open after 10 KiB of headers", client.closedByServer(CLOSE_TIMEOUT));
        }
    }

    @Test
    public void rawUdpTransportGets461() throws IOException {
        try (RtspTestClient client = RtspTestClient.connect(sample())) {
            SessionDescription sdp = client.describe(sample());
            RtspResponse setup = client.request("SETUP", sdp.tracks().get(0).url(),
                    "Transport: RAW/RAW/UDP;unicast;client_port=4000-4001");
            assertEquals("SETUP with RAW/RAW/UDP" + setup.describe(), 461, setup.status());
        }
    }

    @Test
    public void playWithUnknownSessionGets454() throws IOException {
        assertStatus(454, "PLAY", sample(), "Session: 0123456789ABCDEF");
    }

    @Test
    public void playWithoutSessionGets455() throws IOException {
        assertStatus(455, "PLAY", sample());
    }

    @Test
    public void rangePastTheEndGets457() throws IOException {
        try (RtspTestClient client = RtspTestClient.connect(sample())) {
            InterleavedSession session = InterleavedSession.setUp(client, sample());
            RtspResponse play = session.play("Range: npt=50-");
            assertEquals("PLAY Range npt=50- on a 10 s movie" + play.describe(), 457, play.status());
        }
    }

    @Test
    public void pathsOutsideTheMediaFolderGet404() throws IOException {
        String root = "rtsp://127.0.0.1:" + SERVER.rtspPort();
        for (String path : new String[] {"/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/etc/passwd",
            "/../etc/org.tributary.rtsp.cfg", "/%2e%2e/etc/org.tributary.rtsp.cfg"}) {
            assertStatus(404, "DESCRIBE", root + path);
        }
    }

    /** Named to run last: after everything above, a real client still plays the sample through. */
    @Test
    public void zzAfterAllThatTheSampleStillPlays() {
        Tools.require("ffmpeg");
        PlaybackAssertions.assertPlaysEveryPacket(SERVER, "sample.mp4", "tcp");
    }

    private static void assertStatus(int expected, String method, String url, String... headers)
            throws IOException {
        try (RtspTestClient client = RtspTestClient.connect(url)) {
            RtspResponse response = client.request(method, url, headers);
            assertEquals(method + " " + url + " " + String.join(" ", headers) + response.describe(),
                    expected, response.status());
        }
    }

    private static String sample() {
        return SERVER.url("sample.mp4");
    }
}
