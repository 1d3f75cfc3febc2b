package org.tributary.itests.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import org.junit.Test;

/** The parts of the publisher that need no server: its SDP and the SETUP answer's server port. */
public class LivePublisherTest {

    @Test
    public void readsTheServerRtpPort() throws IOException {
        assertEquals(40002, LivePublisher.serverRtpPort(
                "RTP/AVP;unicast;client_port=5000-5001;server_port=40002-40003;mode=record"));
        assertEquals(7000, LivePublisher.serverRtpPort("RTP/AVP;server_port=7000"));
    }

    @Test
    public void refusesAnAnswerWithoutAServerPort() {
        assertThrows(IOException.class, () -> LivePublisher.serverRtpPort("RTP/AVP;unicast;client_port=5000-5001"));
        assertThrows(IOException.class, () -> LivePublisher.serverRtpPort("RTP/AVP;server_port=70000-70001"));
        assertThrows(IOException.class, () -> LivePublisher.serverRtpPort(null));
    }

    @Test
    public void announcesOneOpaqueTrack() {
        String sdp = LivePublisher.sdp();
        assertTrue(sdp, sdp.startsWith("v=0\r\n"));
        assertTrue(sdp, sdp.contains("m=application 0 RTP/AVP 96\r\na=rtpmap:96 x-bench/90000\r\n"));
    }
}
