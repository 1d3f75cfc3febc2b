package org.tributary.rtp.rtsp;

import org.junit.Test;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

public class RtpInfoHeaderTest {

    @Test
    public void formatsEntriesSeparatedByCommas() {
        RtpInfoHeader header = new RtpInfoHeader(List.of(
                new RtpInfoHeader.Entry("rtsp://h/p/trackID=1", 123, 456L),
                new RtpInfoHeader.Entry("rtsp://h/p/trackID=2", 65535, 4294967295L)));
        assertEquals("url=rtsp://h/p/trackID=1;seq=123;rtptime=456, "
                + "url=rtsp://h/p/trackID=2;seq=65535;rtptime=4294967295", header.toString());
    }

    @Test
    public void optionalFieldsAreLeftOut() {
        assertEquals("url=rtsp://h/a.mp4/trackID=1;seq=0",
                new RtpInfoHeader(List.of(new RtpInfoHeader.Entry("rtsp://h/a.mp4/trackID=1", 0, null))).toString());
        assertEquals("url=rtsp://h/live/x/trackID=2;rtptime=0",
                new RtpInfoHeader(List.of(new RtpInfoHeader.Entry("rtsp://h/live/x/trackID=2", null, 0L))).toString());
        assertEquals("url=/x", new RtpInfoHeader(List.of(new RtpInfoHeader.Entry("/x", null, null))).toString());
    }

    @Test
    public void refusesWhatWouldBreakTheHeader() {
        assertThrows(IllegalArgumentException.class, () -> new RtpInfoHeader(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new RtpInfoHeader.Entry("rtsp://h/a,b", 1, 1L));
        assertThrows(IllegalArgumentException.class, () -> new RtpInfoHeader.Entry("rtsp://h/a;b", 1, 1L));
        assertThrows(IllegalArgumentException.class, () -> new RtpInfoHeader.Entry("rtsp://h/a b", 1, 1L));
        assertThrows(IllegalArgumentException.class, () -> new RtpInfoHeader.Entry("rtsp://h/\"a\"", 1, 1L));
        assertThrows(IllegalArgumentException.class, () -> new RtpInfoHeader.Entry("rtsp://h/a\r\nX: y", 1, 1L));
        assertThrows(IllegalArgumentException.class, () -> new RtpInfoHeader.Entry("", 1, 1L));
        assertThrows(IllegalArgumentException.class, () -> new RtpInfoHeader.Entry("rtsp://h/a", 65536, 1L));
        assertThrows(IllegalArgumentException.class, () -> new RtpInfoHeader.Entry("rtsp://h/a", -1, 1L));
        assertThrows(IllegalArgumentException.class, () -> new RtpInfoHeader.Entry("rtsp://h/a", 1, 1L << 32));
    }
}
