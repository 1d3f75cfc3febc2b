package org.tributary.itests.exam;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.tributary.api.SessionRegistry;
import org.tributary.itests.support.InterleavedFrame;
import org.tributary.itests.support.InterleavedSession;
import org.tributary.itests.support.RtspResponse;
import org.tributary.itests.support.RtspTestClient;

/** DESCRIBE, SETUP, PLAY and TEARDOWN against the server inside the container, seen from the registry too. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RtspRoundTripIT extends TributaryExamSupport {

    @Inject
    protected SessionRegistry sessions;

    @Test
    public void describeSetupPlayTeardown() throws Exception {
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", rtspPort())) {
            InterleavedSession session = InterleavedSession.setUp(client, url("/sample.mp4"));
            assertEquals(2, session.sdp().tracks().size());
            String id = client.session();
            assertNotNull("SETUP answered a Session", id);
            assertTrue("the registry knows the session", sessions.find(id).isPresent());

            RtspResponse play = session.play("Range: npt=0-");
            assertEquals(play.describe(), 200, play.status());
            assertNotNull(play.describe(), play.header("RTP-Info"));
            InterleavedFrame frame = client.readFrame(Duration.ofSeconds(5));
            assertNotNull("media arrives after PLAY", frame);
            await().atMost(Duration.ofSeconds(5)).until(() -> sessions.find(id).get().packetsSent() > 0);
            assertEquals("PLAYING", sessions.find(id).get().state());

            RtspResponse teardown = client.request("TEARDOWN", session.sdp().url());
            assertEquals(teardown.describe(), 200, teardown.status());
            await().atMost(Duration.ofSeconds(5)).until(() -> sessions.find(id).isEmpty());
        }
    }

    @Test
    public void kickEndsASessionFromTheShell() throws Exception {
        String id;
        String url;
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", rtspPort())) {
            InterleavedSession session = InterleavedSession.setUp(client, url("/sample.mov"));
            id = client.session();
            url = session.sdp().url();
            assertEquals(200, session.play().status());
            String out = executeCommand("stream:sessions");
            assertTrue(out, out.contains(id));
            executeCommand("stream:kick " + id);
            await().atMost(Duration.ofSeconds(5)).until(() -> sessions.find(id).isEmpty());
            assertTrue("the kicked viewer's connection is closed", client.closedByServer(Duration.ofSeconds(5)));
        }
        try (RtspTestClient again = new RtspTestClient("127.0.0.1", rtspPort())) {
            RtspResponse after = again.request("PLAY", url, "Session: " + id);
            assertEquals(after.describe(), 454, after.status());
        }
    }
}
