package org.tributary.itests.exam;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.tributary.api.MountRegistry;
import org.tributary.api.Publication;
import org.tributary.itests.support.InterleavedFrame;
import org.tributary.itests.support.InterleavedSession;
import org.tributary.itests.support.RtspResponse;
import org.tributary.itests.support.RtspTestClient;

/** Stopping the live source ends live viewers with RTCP BYE while a movie keeps playing. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LiveHotSwapIT extends TributaryExamSupport {

    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=test\r\nt=0 0\r\n"
            + "m=audio 0 RTP/AVP 97\r\na=rtpmap:97 L16/8000/1\r\na=control:streamid=0\r\n";
    private static final int RTCP_BYE = 203;

    @Inject
    protected MountRegistry mounts;

    private int describe(String path) throws Exception {
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", rtspPort())) {
            return client.request("DESCRIBE", url(path)).status();
        }
    }

    /** One RTP packet of the announced L16 track: version 2, PT 97, the given sequence number. */
    private static ByteBuffer packet(int sequence) {
        ByteBuffer packet = ByteBuffer.allocate(12 + 16);
        packet.put((byte) 0x80).put((byte) 97).putShort((short) sequence).putInt(sequence * 160).putInt(0x1234);
        return packet.rewind();
    }

    private static boolean byeArrives(RtspTestClient client) throws Exception {
        for (InterleavedFrame frame; (frame = client.readFrame(Duration.ofSeconds(5))) != null; ) {
            if (frame.channel() % 2 == 1 && containsBye(frame.payload())) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsBye(byte[] compound) {
        for (int i = 0; i + 4 <= compound.length; i += 4 * (((compound[i + 2] & 0xFF) << 8 | (compound[i + 3] & 0xFF)) + 1)) {
            if ((compound[i + 1] & 0xFF) == RTCP_BYE) {
                return true;
            }
        }
        return false;
    }

    @Test
    public void stoppingTheLiveSourceEndsViewersAndLeavesMoviesPlaying() throws Exception {
        Bundle live = bundle("tributary-source-live");
        Publication publication = mounts.publish("/live/swap", SDP, "test");
        try (RtspTestClient movieClient = new RtspTestClient("127.0.0.1", rtspPort());
             RtspTestClient liveClient = new RtspTestClient("127.0.0.1", rtspPort())) {
            InterleavedSession movie = InterleavedSession.setUp(movieClient, url("/sample.mp4"));
            assertEquals(200, movie.play().status());
            InterleavedSession viewer = InterleavedSession.setUp(liveClient, url("/live/swap"));
            RtspResponse play = viewer.play();
            assertEquals(play.describe(), 200, play.status());
            for (int i = 0; i < 3; i++) {
                publication.rtp(0, packet(i));
            }
            assertNotNull("the viewer gets the broadcast", liveClient.readFrame(Duration.ofSeconds(5)));

            live.stop();
            assertTrue("live viewers get RTCP BYE", byeArrives(liveClient));
            await().atMost(Duration.ofSeconds(10)).until(() -> describe("/live/swap") == 404);
            for (int i = 0; i < 50; i++) {
                assertNotNull("the movie keeps playing", movieClient.readFrame(Duration.ofSeconds(5)));
            }
        } finally {
            live.start();
        }
        // publishing works again once the source is back
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            Publication again = mounts.publish("/live/swap", SDP, "test");
            again.close();
            return true;
        });
    }
}
