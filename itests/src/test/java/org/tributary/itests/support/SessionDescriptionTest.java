package org.tributary.itests.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** SDP as Tributary and gst-rtsp-server write it, and the control URL rules clients follow. */
public class SessionDescriptionTest {

    /** Tributary's DESCRIBE body for sample.mp4 (captured from the server, fmtp shortened). */
    private static final String TRIBUTARY_SDP = String.join("\r\n",
            "v=0", "o=- 1795654957918 1 IN IP4 127.0.0.1", "s=/sample.mp4", "c=IN IP4 0.0.0.0", "t=0 0",
            "a=tool:Tributary", "a=control:*", "a=range:npt=0-10.021",
            "m=video 0 RTP/AVP 96", "b=AS:400", "a=rtpmap:96 H264/90000",
            "a=fmtp:96 packetization-mode=1;profile-level-id=4D401E", "a=control:trackID=1",
            "m=audio 0 RTP/AVP 97", "b=AS:65", "a=rtpmap:97 MPEG4-GENERIC/48000/2",
            "a=fmtp:97 streamtype=5;mode=AAC-hbr;config=119056E500", "a=control:trackID=2", "");

    @Test
    public void readsTracksClockRatesControlsAndDuration() {
        SessionDescription sdp = SessionDescription.parse(TRIBUTARY_SDP, "rtsp://h:1/sample.mp4/");
        assertEquals("rtsp://h:1/sample.mp4/", sdp.url());
        assertEquals(10.021, sdp.durationSeconds(), 1e-9);
        assertEquals(new SessionDescription.Track("video", 96, "H264", 90000, "rtsp://h:1/sample.mp4/trackID=1"),
                sdp.track("video"));
        assertEquals(new SessionDescription.Track("audio", 97, "MPEG4-GENERIC", 48000,
                "rtsp://h:1/sample.mp4/trackID=2"), sdp.track("audio"));
    }

    @Test
    public void appendsRelativeControlsAfterASlashAndKeepsAbsoluteOnes() {
        assertEquals("rtsp://h/a.mp4/stream=0", SessionDescription.resolve("rtsp://h/a.mp4", "stream=0"));
        assertEquals("rtsp://x/t", SessionDescription.resolve("rtsp://h/a.mp4", "rtsp://x/t"));
        assertEquals("rtsp://h/a.mp4", SessionDescription.resolve("rtsp://h/a.mp4", "*"));
    }

    @Test
    public void openRangeHasNoDuration() {
        String live = "v=0\na=range:npt=0-\nm=video 0 RTP/AVP 96\na=rtpmap:96 H264/90000\n";
        assertTrue(Double.isNaN(SessionDescription.parse(live, "rtsp://h/live").durationSeconds()));
    }

    @Test
    public void refusesAMediaSectionWithoutClockRate() {
        String sdp = "v=0\nm=video 0 RTP/AVP 96\na=control:trackID=1\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SessionDescription.parse(sdp, "rtsp://h/a"));
        assertTrue(e.getMessage(), e.getMessage().contains("no a=rtpmap for payload type 96"));
    }

    @Test
    public void refusesAMalformedPayloadType() {
        assertThrows(IllegalArgumentException.class,
                () -> SessionDescription.parse("m=video 0 RTP/AVP x96\n", "rtsp://h/a"));
    }
}
