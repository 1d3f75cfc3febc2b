package org.tributary.source.live.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Before;
import org.junit.Test;
import org.tributary.api.LivePresentation;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.api.Publication;

/** The component as the RTSP server uses it, on a fake clock. */
public class LiveMediaSourceTest {

    private final AtomicLong clock = new AtomicLong();
    private LiveMediaSource source;
    private String sdp;

    @Before
    public void createSource() throws Exception {
        source = new LiveMediaSource(clock::get);
        sdp = AnnounceParserTest.resource("ffmpeg-h264-aac.sdp");
    }

    private static void assertRefused(Reason reason, ThrowingCall call) {
        try {
            call.run();
            fail("not refused");
        } catch (MediaException e) {
            assertEquals(e.getMessage(), reason, e.reason());
        }
    }

    private interface ThrowingCall {
        void run() throws MediaException;
    }

    private static void advance(AtomicLong clock, long seconds) {
        clock.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    public void viewersOpenWhatWasPublished() throws Exception {
        assertRefused(Reason.NOT_FOUND, () -> source.open("cam1"));
        Publication publication = source.publish("cam1", sdp, "127.0.0.1:5000");
        LivePresentation live = (LivePresentation) source.open("cam1");
        assertSame(publication, live);
        assertEquals("cam1", live.path());
        assertEquals("live broadcasts at /live/ (1 publishing)", source.description());
        assertEquals("127.0.0.1:5000", source.stats().get(0).publisher());
        publication.close();
        assertRefused(Reason.NOT_FOUND, () -> source.open("cam1"));
        assertRefused(Reason.NOT_FOUND, () -> source.open(null));
        assertEquals("live broadcasts at /live/ (0 publishing)", source.description());
    }

    @Test
    public void refusesBadPathsAndDescriptions() {
        assertRefused(Reason.INVALID, () -> source.publish("../cam", sdp, "p"));
        assertRefused(Reason.INVALID, () -> source.publish("cam", "v=0\r\n", "p"));
        source.configure(new LiveSettings("/live/", 20, false, 100, 8));
        assertRefused(Reason.INVALID, () -> source.publish("cam", sdp, "p"));
        assertEquals(0, source.stats().size());
    }

    @Test
    public void aBusyPathIsRefused() throws Exception {
        Publication first = source.publish("cam1", sdp, "a:1");
        assertRefused(Reason.BUSY, () -> source.publish("cam1", sdp, "b:2"));
        assertSame(first, source.open("cam1"));
        source.publish("cam2", sdp, "b:2");
        assertEquals(2, source.stats().size());
    }

    @Test
    public void takeoverEndsTheCurrentBroadcast() throws Exception {
        source.configure(new LiveSettings("/live/", 20, true, 16384, 8));
        Publication first = source.publish("cam1", sdp, "a:1");
        RecordingViewer viewer = new RecordingViewer();
        ((LivePresentation) source.open("cam1")).subscribe(viewer);
        Publication second = source.publish("cam1", sdp, "b:2");
        assertEquals(1, viewer.ended);
        assertSame(second, source.open("cam1"));
        first.close();
        assertSame("closing the old publication leaves the new one", second, source.open("cam1"));
    }

    @Test
    public void aSilentPublisherTimesOut() throws Exception {
        Publication silent = source.publish("never", sdp, "a:1");
        Publication talking = source.publish("talks", sdp, "b:2");
        RecordingViewer viewer = new RecordingViewer();
        ((LivePresentation) silent).subscribe(viewer);
        advance(clock, 19);
        talking.rtp(1, RtpPackets.packet(97, 1, 0x00, 0x10, 0x0A, 0x20));
        source.checkTimeouts();
        assertEquals(0, viewer.ended);
        advance(clock, 1);
        source.checkTimeouts();
        assertEquals(1, viewer.ended);
        assertRefused(Reason.NOT_FOUND, () -> source.open("never"));
        assertSame(talking, source.open("talks"));
        advance(clock, 18);
        source.checkTimeouts();
        assertSame(talking, source.open("talks"));
        advance(clock, 1);
        source.checkTimeouts();
        assertRefused(Reason.NOT_FOUND, () -> source.open("talks"));
    }

    @Test
    public void aZeroTimeoutNeverEnds() throws Exception {
        source.configure(new LiveSettings("/live/", 0, false, 16384, 8));
        source.publish("cam1", sdp, "a:1");
        advance(clock, 100_000);
        source.checkTimeouts();
        source.open("cam1");
    }

    @Test
    public void stoppingEndsEveryBroadcast() throws Exception {
        RecordingViewer a = new RecordingViewer();
        RecordingViewer b = new RecordingViewer();
        ((LivePresentation) source.publish("cam1", sdp, "a:1")).subscribe(a);
        ((LivePresentation) source.publish("cam2", sdp, "b:2")).subscribe(b);
        source.deactivate();
        assertEquals(1, a.ended);
        assertEquals(1, b.ended);
        assertEquals(0, source.stats().size());
        assertRefused(Reason.NOT_FOUND, () -> source.publish("cam3", sdp, "c:3"));
        assertFalse(source.description().contains("(1"));
        assertTrue(source.description().contains("(0 publishing)"));
    }
}
