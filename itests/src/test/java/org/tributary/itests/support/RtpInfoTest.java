package org.tributary.itests.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Optional;
import org.junit.Test;

/** RTP-Info parsing and matching entries to track URLs. */
public class RtpInfoTest {

    @Test
    public void matchesAbsoluteAndRelativeTrackUrls() {
        RtpInfo info = RtpInfo.parse("url=rtsp://h/a.mp4/trackID=1;seq=7120;rtptime=3245699740, url=trackID=2;seq=5");
        assertEquals(Optional.of(new RtpInfo.Entry("rtsp://h/a.mp4/trackID=1", 7120, 3245699740L)),
                info.find("rtsp://h/a.mp4/trackID=1"));
        assertEquals(Optional.of(new RtpInfo.Entry("trackID=2", 5, null)), info.find("rtsp://h/a.mp4/trackID=2"));
    }

    @Test
    public void theAggregateUrlNamesNoTrack() {
        RtpInfo info = RtpInfo.parse("url=rtsp://h/a.mp4;seq=1;rtptime=2");
        assertTrue(info.find("rtsp://h/a.mp4/trackID=1").isEmpty());
    }

    @Test
    public void refusesOutOfRangeNumbers() {
        assertThrows(IllegalArgumentException.class, () -> RtpInfo.parse("url=x;seq=65536"));
        assertThrows(IllegalArgumentException.class, () -> RtpInfo.parse("url=x;rtptime=4294967296"));
        assertThrows(IllegalArgumentException.class, () -> RtpInfo.parse("url=x;seq=abc"));
    }
}
