package org.tributary.itests.exam;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.tributary.itests.support.InterleavedSession;
import org.tributary.itests.support.RtspTestClient;

/** The management commands of issue 11 run in the shell of the real distribution, inside the container. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellCommandsIT extends TributaryExamSupport {

    @Test
    public void serviceStopsAndStartsTheStreamingPorts() throws Exception {
        assertTrue(executeCommand("stream:service status").contains("RTSP: serving"));
        try {
            String stopped = executeCommand("stream:service stop");
            assertTrue(stopped, stopped.contains("Service stopped"));
            assertFalse(rtsp.serving());
            await().atMost(Duration.ofSeconds(10)).until(() -> !accepts(rtspPort()));
            String status = executeCommand("stream:status");
            assertTrue(status, status.contains("STOPPED"));
        } finally {
            String started = executeCommand("stream:service start");
            assertTrue(started, started.contains("Service started"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> accepts(rtspPort()));
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", rtspPort())) {
            assertEquals(200, client.request("OPTIONS", url("/")).status());
        }
    }

    @Test
    public void mediaListsTheSampleMovieWithItsCodecsAndUrl() throws Exception {
        String media = executeCommand("stream:media");
        String line = media.lines().filter(l -> l.contains("sample.mp4")).findFirst()
                .orElseThrow(() -> new AssertionError(media));
        assertTrue(line, line.contains("H264"));
        assertTrue(line, line.contains("rtsp://"));
    }

    @Test
    public void logShowsTheFieldsAndAFinishedSession() throws Exception {
        String id;
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", rtspPort())) {
            InterleavedSession session = InterleavedSession.setUp(client, url("/sample.mp4"));
            id = client.session();
            assertEquals(200, client.request("TEARDOWN", session.sdp().url(), "Session: " + id).status());
        }
        // one line per finished session, naming its path and the User-Agent of the test client
        await().atMost(Duration.ofSeconds(10)).until(() -> executeCommand("stream:log").lines()
                .anyMatch(line -> line.contains("/sample.mp4") && line.contains("TributaryTestClient")));
        String log = executeCommand("stream:log -n 5");
        assertTrue(log, log.contains("#Fields: c-ip"));
    }

    @Test
    public void kickOfAnUnknownSessionSaysSo() throws Exception {
        String kicked = executeCommand("stream:kick NOSUCHID");
        assertTrue(kicked, kicked.contains("No session NOSUCHID"));
    }

    @Test
    public void relaysAndPlaylistsAreListed() throws Exception {
        assertTrue(executeCommand("stream:relays").contains("Origin"));
        assertTrue(executeCommand("stream:playlists").contains("Running"));
    }
}
