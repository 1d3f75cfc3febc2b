package org.tributary.source.live.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Before;
import org.junit.Test;
import org.tributary.api.LiveSubscription;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.rtp.Rtcp;
import org.tributary.rtp.SenderInfo;

/** Fan-out, late joiners, drops and the end of a broadcast of ffmpeg's H.264 + AAC announcement. */
public class BroadcastTest {

    private static final int VIDEO = 0;
    private static final int AUDIO = 1;

    private final AtomicLong clock = new AtomicLong(1_000);
    private final List<Broadcast> closed = new ArrayList<>();
    private Broadcast broadcast;

    @Before
    public void announce() throws Exception {
        AnnouncedSdp sdp = AnnounceParser.parse(AnnounceParserTest.resource("ffmpeg-h264-aac.sdp"), 16384, 8);
        broadcast = new Broadcast("cam1", "/live/cam1", "127.0.0.1:5000", sdp, clock::get, closed::add);
    }

    private static ByteBuffer nonIdr(int sequence) {
        return RtpPackets.packet(96, sequence, 0x41, 0x9A, 0x01);
    }

    private static ByteBuffer idr(int sequence) {
        return RtpPackets.packet(96, sequence, 0x7C, 0x85, 0x88, 0x84);
    }

    private static ByteBuffer aac(int sequence) {
        return RtpPackets.packet(97, sequence, 0x00, 0x10, 0x0A, 0x20, 0x21);
    }

    @Test
    public void everyViewerGetsTheOneCopyTheBroadcastKeeps() {
        List<RecordingViewer> viewers = List.of(new RecordingViewer(), new RecordingViewer(), new RecordingViewer());
        viewers.forEach(broadcast::subscribe);
        ByteBuffer packet = idr(7);
        byte[] sent = new byte[packet.remaining()];
        packet.duplicate().get(sent);
        broadcast.rtp(VIDEO, packet);
        // the publisher's receive buffer is reused for the next packet: what viewers kept must not change
        packet.put(packet.limit() - 1, (byte) 0x55);
        for (RecordingViewer viewer : viewers) {
            assertEquals(List.of(VIDEO), viewer.tracks);
            assertArrayEquals(sent, viewer.packets.get(0));
            ByteBuffer kept = viewer.buffers.get(0);
            assertTrue(kept.isReadOnly());
            assertTrue("direct, so the network layer sends it without copying", kept.isDirect());
            assertEquals((byte) 0x84, kept.get(kept.limit() - 1));
        }
        assertSame("one buffer for every viewer, not a duplicate each", viewers.get(0).buffers.get(0),
                viewers.get(1).buffers.get(0));
        assertEquals(0, packet.position());
    }

    @Test
    public void aSlowViewerLosesWholeFramesAndVideoWaitsForTheNextKeyFrame() {
        RecordingViewer fast = new RecordingViewer();
        SlowViewer slow = new SlowViewer();
        broadcast.subscribe(fast);
        broadcast.subscribe(slow);
        broadcast.rtp(VIDEO, RtpPackets.packet(96, 1, 1000, false, 0x7C, 0x85, 0x88));    // IDR, FU-A start
        broadcast.rtp(VIDEO, RtpPackets.packet(96, 2, 1000, true, 0x7C, 0x45, 0x88));     // IDR, FU-A end
        slow.ready = false;
        broadcast.rtp(VIDEO, RtpPackets.packet(96, 3, 4600, false, 0x5C, 0x81, 0x01));    // P frame starts
        slow.ready = true;                                                                 // too late: whole frame
        broadcast.rtp(VIDEO, RtpPackets.packet(96, 4, 4600, true, 0x5C, 0x41, 0x01));
        broadcast.rtp(VIDEO, RtpPackets.packet(96, 5, 8200, true, 0x41, 0x9A));            // refers to the lost one
        broadcast.rtp(AUDIO, RtpPackets.packet(97, 6, 500, true, 0x00, 0x10, 0x0A, 0x20));
        broadcast.rtp(VIDEO, RtpPackets.packet(96, 7, 11800, true, 0x65, 0x88));           // next IDR
        assertEquals(7, fast.packets.size());
        assertEquals(List.of(1, 2, 6, 7), slow.sequences());
        assertEquals(List.of(VIDEO, VIDEO, AUDIO, VIDEO), slow.tracks);
        assertEquals("asked once per frame it was due", 4, slow.asked);
    }

    /** A viewer whose socket is full while {@link #ready} is false. */
    private static final class SlowViewer extends RecordingViewer {
        boolean ready = true;
        int asked;

        @Override
        public boolean ready(int track) {
            asked++;
            return ready;
        }

        List<Integer> sequences() {
            return packets.stream().map(p -> ((p[2] & 0xff) << 8) | (p[3] & 0xff)).toList();
        }
    }

    @Test
    public void aLateViewerStartsAtTheNextKeyFrame() {
        RecordingViewer early = new RecordingViewer();
        broadcast.subscribe(early);
        broadcast.rtp(VIDEO, idr(1));
        RecordingViewer late = new RecordingViewer();
        broadcast.subscribe(late);
        broadcast.rtp(VIDEO, nonIdr(2));
        broadcast.rtp(AUDIO, aac(1));
        broadcast.rtp(VIDEO, nonIdr(3));
        assertEquals(0, late.packets.size());
        broadcast.rtp(VIDEO, idr(4));
        broadcast.rtp(VIDEO, nonIdr(5));
        broadcast.rtp(AUDIO, aac(2));
        assertEquals(List.of(VIDEO, VIDEO, AUDIO), late.tracks);
        assertEquals(4, late.packets.get(0)[3]);
        assertEquals(7, early.packets.size());
    }

    @Test
    public void brokenPacketsAreDroppedAndCounted() {
        RecordingViewer viewer = new RecordingViewer();
        broadcast.subscribe(viewer);
        broadcast.rtp(VIDEO, RtpPackets.bytes(0x80, 96, 0, 1));        // short
        broadcast.rtp(VIDEO, RtpPackets.packet(97, 2, 0x65));          // audio's payload type on video
        broadcast.rtp(AUDIO, RtpPackets.packet(0, 3, 0x65));           // never announced
        broadcast.rtp(2, aac(4));                                       // no such track
        broadcast.rtp(-1, aac(5));
        broadcast.rtcp(AUDIO, RtpPackets.bytes(0x80, 200, 0, 9));      // truncated SR
        assertEquals(0, viewer.packets.size());
        BroadcastStats stats = broadcast.stats();
        assertEquals(6, stats.dropped());
        assertEquals(0, stats.packetsIn());
        broadcast.rtp(AUDIO, aac(6));
        assertEquals(1, broadcast.stats().packetsIn());
        assertEquals(17, broadcast.stats().bytesIn());
        assertEquals(List.of("H264", "MPEG4-GENERIC"), broadcast.stats().encodings());
        assertEquals(1, broadcast.stats().viewers());
    }

    /** A Sender Report with an SDES, as a publisher sends it. */
    private static ByteBuffer senderReport() {
        ByteBuffer compound = ByteBuffer.allocate(Rtcp.senderReportSize("x"));
        Rtcp.writeSenderReport(compound, new SenderInfo(0x11223344, 0xE93A4B5C80000000L, 0xF0000001L, 10, 4096), "x");
        return compound.flip();
    }

    @Test
    public void senderReportsReachEveryViewer() {
        RecordingViewer viewer = new RecordingViewer();
        broadcast.subscribe(viewer);
        broadcast.rtcp(AUDIO, senderReport());
        assertEquals("no report before the publisher's numbering is known", 0, viewer.senderReports.size());
        broadcast.rtp(AUDIO, aac(1));
        broadcast.rtcp(AUDIO, senderReport());
        assertEquals(1, viewer.senderReports.size());
        assertArrayEquals(new long[] {AUDIO, 0xE93A4B5C80000000L, 0xF0000001L}, viewer.senderReports.get(0));
    }

    @Test
    public void aFailingViewerIsRemovedAndTheOthersGoOn() {
        broadcast.subscribe(new RecordingViewer() {
            @Override
            public void rtp(int track, ByteBuffer packet) {
                throw new IllegalStateException("broken viewer");
            }
        });
        RecordingViewer good = new RecordingViewer();
        broadcast.subscribe(good);
        broadcast.rtp(VIDEO, idr(1));
        broadcast.rtp(VIDEO, nonIdr(2));
        assertEquals(2, good.packets.size());
        assertEquals(1, broadcast.stats().viewers());
    }

    @Test
    public void closeEndsEveryViewerOnce() {
        RecordingViewer a = new RecordingViewer();
        RecordingViewer b = new RecordingViewer();
        RecordingViewer cancelled = new RecordingViewer();
        broadcast.subscribe(a);
        broadcast.subscribe(b);
        LiveSubscription gone = broadcast.subscribe(cancelled);
        gone.cancel();
        broadcast.close();
        broadcast.close();
        assertEquals(1, a.ended);
        assertEquals(1, b.ended);
        assertEquals(0, cancelled.ended);
        assertEquals(List.of(broadcast), closed);
        broadcast.rtp(VIDEO, idr(1));
        assertEquals(0, a.packets.size());
        RecordingViewer tooLate = new RecordingViewer();
        broadcast.subscribe(tooLate);
        assertEquals(1, tooLate.ended);
    }

    @Test
    public void cancelStopsDelivery() {
        RecordingViewer viewer = new RecordingViewer();
        LiveSubscription subscription = broadcast.subscribe(viewer);
        broadcast.rtp(AUDIO, aac(1));
        subscription.cancel();
        broadcast.rtp(AUDIO, aac(2));
        assertEquals(0, viewer.packets.size());   // audio waits for the first picture
        assertEquals(0, broadcast.stats().viewers());
    }

    @Test
    public void describesItselfAsLive() {
        assertEquals(2, broadcast.trackCount());
        assertEquals(List.of("streamid=0", "streamid=1"), broadcast.controls());
        assertTrue(Double.isNaN(broadcast.duration()));
        assertTrue(broadcast.mediaDescription().startsWith("m=video 0 RTP/AVP 96\r\n"));
        try {
            broadcast.openReader();
            fail();
        } catch (MediaException e) {
            assertEquals(Reason.UNSUPPORTED, e.reason());
        }
    }

    @Test
    public void silenceIsMeasuredFromTheLastGoodPacket() {
        clock.set(5_000);
        assertEquals(4_000, broadcast.silenceNanos(clock.get()));
        broadcast.rtp(VIDEO, RtpPackets.bytes(0x80, 96, 0, 1));
        assertEquals(4_000, broadcast.silenceNanos(clock.get()));
        broadcast.rtp(AUDIO, aac(1));
        assertEquals(0, broadcast.silenceNanos(clock.get()));
        assertFalse(broadcast.isClosed());
    }
}
