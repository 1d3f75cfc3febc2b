package org.tributary.itests.exam;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;

import java.time.Duration;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.tributary.itests.support.RtspTestClient;

/** Stopping the file source makes its movies 404 while RTSP keeps answering; starting it restores them. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapIT extends TributaryExamSupport {

    private int describe(String path) throws Exception {
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", rtspPort())) {
            return client.request("DESCRIBE", url(path), "Accept: application/sdp").status();
        }
    }

    private int options() throws Exception {
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", rtspPort())) {
            return client.request("OPTIONS", url("/")).status();
        }
    }

    @Test
    public void fileSourceStopsAndStartsWithoutRestart() throws Exception {
        assertEquals(200, describe("/sample.mp4"));
        Bundle source = bundle("tributary-source-file");

        source.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> describe("/sample.mp4") == 404);
        assertEquals("RTSP itself keeps serving", 200, options());

        source.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> describe("/sample.mp4") == 200);
    }

    @Test
    public void shellBundleStopDoesNotTouchStreaming() throws Exception {
        Bundle shell = bundle("tributary-shell");
        shell.stop();
        try {
            assertEquals(200, describe("/sample.mov"));
        } finally {
            shell.start();
        }
    }
}
