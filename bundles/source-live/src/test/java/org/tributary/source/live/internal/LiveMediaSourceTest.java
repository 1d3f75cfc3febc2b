package org.tributary.source.live.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.ByteBuffer;
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
        RecordingViewer viewer = new RecordingViewer();
        live.subscribe(viewer);
        publication.rtp(0, idr(1));
        assertEquals(1, viewer.packets.size());
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
        source.configure(new LiveSettings("/live/", 20, 0, false, 100, 8));
        assertRefused(Reason.INVALID, () -> source.publish("cam", sdp, "p"));
        assertEquals(0, source.stats().size());
    }

    @Test
    public void aBusyPathIsRefused() throws Exception {
        Publication first = source.publish("cam1", sdp, "a:1");
        assertRefused(Reason.BUSY, () -> source.publish("cam1", sdp, "b:2"));
        assertEquals("a:1", source.stats().get(0).publisher());
        assertNotNull(first);
        source.publish("cam2", sdp, "b:2");
        assertEquals(2, source.stats().size());
    }

    @Test
    public void takeoverContinuesTheBroadcastForItsViewers() throws Exception {
        source.configure(new LiveSettings("/live/", 20, 0, true, 16384, 8));
        Publication first = source.publish("cam1", sdp, "a:1");
        RecordingViewer viewer = watch("cam1");
        first.rtp(0, idr(100));
        Publication second = source.publish("cam1", sdp, "b:2");
        assertEquals(0, viewer.ended);
        first.rtp(0, idr(101));
        second.rtp(0, idr(7));
        assertEquals("the replaced publisher's packets go nowhere", 2, viewer.packets.size());
        assertEquals("numbering continues", 101, sequence(viewer.packets.get(1)));
        first.close();
        assertEquals("b:2", source.stats().get(0).publisher());
        assertEquals(0, viewer.ended);
    }

    @Test
    public void takeoverWithOtherMediaEndsTheViewers() throws Exception {
        source.configure(new LiveSettings("/live/", 20, 0, true, 16384, 8));
        source.publish("cam1", sdp, "a:1");
        RecordingViewer viewer = watch("cam1");
        source.publish("cam1", sdp.replace("96", "98"), "b:2");
        assertEquals(1, viewer.ended);
        assertEquals("b:2", source.stats().get(0).publisher());
    }

    @Test
    public void viewersWaitForTheirPublisherToComeBack() throws Exception {
        source.configure(new LiveSettings("/live/", 20, 30, false, 16384, 8));
        Publication first = source.publish("cam1", sdp, "a:1");
        RecordingViewer viewer = watch("cam1");
        first.rtp(0, idr(500));
        first.close();
        assertEquals(0, viewer.ended);
        assertTrue(source.stats().get(0).publisher().startsWith("none, waiting"));
        advance(clock, 29);
        source.checkTimeouts();
        Publication again = source.publish("cam1", sdp, "a:2");
        again.rtp(0, nonIdr(9));
        again.rtp(0, idr(10));
        assertEquals("restarts at a key frame", 2, viewer.packets.size());
        assertEquals("the skipped packet keeps its number", 502, sequence(viewer.packets.get(1)));
        long gap = timestamp(viewer.packets.get(1)) - timestamp(viewer.packets.get(0));
        assertEquals("the timestamp advances by the 29 s in between", 29 * 90_000 + 1, gap);
        again.close();
        advance(clock, 30);
        source.checkTimeouts();
        assertEquals(1, viewer.ended);
        assertRefused(Reason.NOT_FOUND, () -> source.open("cam1"));
    }

    @Test
    public void aSilentPublisherLeavesItsViewersWaiting() throws Exception {
        source.configure(new LiveSettings("/live/", 20, 10, false, 16384, 8));
        source.publish("cam1", sdp, "a:1");
        RecordingViewer viewer = watch("cam1");
        advance(clock, 20);
        source.checkTimeouts();
        assertEquals(0, viewer.ended);
        advance(clock, 9);
        source.checkTimeouts();
        assertEquals(0, viewer.ended);
        advance(clock, 1);
        source.checkTimeouts();
        assertEquals(1, viewer.ended);
    }

    @Test
    public void withoutViewersNothingWaits() throws Exception {
        source.configure(new LiveSettings("/live/", 20, 30, false, 16384, 8));
        source.publish("cam1", sdp, "a:1").close();
        assertRefused(Reason.NOT_FOUND, () -> source.open("cam1"));
    }

    private RecordingViewer watch(String path) throws MediaException {
        RecordingViewer viewer = new RecordingViewer();
        ((LivePresentation) source.open(path)).subscribe(viewer);
        return viewer;
    }

    private static ByteBuffer idr(int sequence) {
        return RtpPackets.packet(96, sequence, 0x65, 0x88);
    }

    private static ByteBuffer nonIdr(int sequence) {
        return RtpPackets.packet(96, sequence, 0x41, 0x9A);
    }

    private static int sequence(byte[] packet) {
        return ((packet[2] & 0xff) << 8) | (packet[3] & 0xff);
    }

    private static long timestamp(byte[] packet) {
        return ByteBuffer.wrap(packet, 4, 4).getInt() & 0xffffffffL;
    }

    @Test
    public void aSilentPublisherTimesOut() throws Exception {
        source.publish("never", sdp, "a:1");
        Publication talking = source.publish("talks", sdp, "b:2");
        RecordingViewer viewer = watch("never");
        advance(clock, 19);
        talking.rtp(1, RtpPackets.packet(97, 1, 0x00, 0x10, 0x0A, 0x20));
        source.checkTimeouts();
        assertEquals(0, viewer.ended);
        advance(clock, 1);
        source.checkTimeouts();
        assertEquals(1, viewer.ended);
        assertRefused(Reason.NOT_FOUND, () -> source.open("never"));
        source.open("talks");
        advance(clock, 18);
        source.checkTimeouts();
        source.open("talks");
        advance(clock, 1);
        source.checkTimeouts();
        assertRefused(Reason.NOT_FOUND, () -> source.open("talks"));
    }

    @Test
    public void aZeroTimeoutNeverEnds() throws Exception {
        source.configure(new LiveSettings("/live/", 0, 0, false, 16384, 8));
        source.publish("cam1", sdp, "a:1");
        advance(clock, 100_000);
        source.checkTimeouts();
        source.open("cam1");
    }

    @Test
    public void stoppingEndsEveryBroadcast() throws Exception {
        RecordingViewer a = new RecordingViewer();
        RecordingViewer b = new RecordingViewer();
        source.publish("cam1", sdp, "a:1");
        source.publish("cam2", sdp, "b:2");
        ((LivePresentation) source.open("cam1")).subscribe(a);
        ((LivePresentation) source.open("cam2")).subscribe(b);
        source.deactivate();
        assertEquals(1, a.ended);
        assertEquals(1, b.ended);
        assertEquals(0, source.stats().size());
        assertRefused(Reason.NOT_FOUND, () -> source.publish("cam3", sdp, "c:3"));
        assertFalse(source.description().contains("(1"));
        assertTrue(source.description().contains("(0 publishing)"));
    }
}
