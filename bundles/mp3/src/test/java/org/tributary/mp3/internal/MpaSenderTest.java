package org.tributary.mp3.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;
import org.tributary.rtp.NtpTime;

public class MpaSenderTest {

    /** MPEG-1 layer III, 128 kbit/s, 48 kHz: 384-byte frames. */
    private static final int HEADER_48K = 0xFFFB9464;

    private final FakeLive.Published publication = new FakeLive.Published("radio", "", "test");
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Instant wall = Instant.parse("2026-12-07T06:00:00Z");
    private final MpaSender sender = new MpaSender(publication, new Random(7), nanos::get, () -> wall);

    private static ByteBuffer frames48k(int count) {
        ByteBuffer frames = ByteBuffer.allocate(384 * count);
        for (int i = 0; i < count; i++) {
            frames.putInt(HEADER_48K).put(new byte[380]);
        }
        return frames.flip();
    }

    private ByteBuffer packet(int i) {
        return ByteBuffer.wrap(publication.rtp.get(i));
    }

    private long timestamp(int i) {
        return packet(i).getInt(4) & 0xFFFF_FFFFL;
    }

    @Test
    public void eachFrameIsOnePacketOfPayloadType14WithTheMpegAudioHeader() {
        byte[] frames = TestFrames.frames(3);
        sender.frames(ByteBuffer.wrap(frames));
        assertEquals(3, publication.rtp.size());
        for (int i = 0; i < 3; i++) {
            ByteBuffer p = packet(i);
            assertEquals(12 + 4 + TestFrames.SIZE, p.remaining());
            assertEquals(0x80, p.get(0) & 0xFF);
            // no marker, payload type 14
            assertEquals(14, p.get(1) & 0xFF);
            assertEquals((packet(0).getShort(2) + i) & 0xFFFF, p.getShort(2) & 0xFFFF);
            assertEquals(packet(0).getInt(8), p.getInt(8));
            // MBZ and fragment offset
            assertEquals(0, p.getInt(12));
            assertEquals((byte) 0xFF, p.get(16));
            assertEquals((byte) i, p.get(16 + TestFrames.SIZE - 1));
        }
    }

    @Test
    public void timestampsRunOnTheFramesDurationsAtNinetyKilohertzAcrossSampleRates() {
        sender.frames(ByteBuffer.wrap(TestFrames.frames(2)));
        sender.frames(frames48k(2));
        long first = timestamp(0);
        // 1152 samples at 44.1 kHz are 2351.02 ticks: the fractions add up instead of being lost per frame
        assertEquals(2351, timestamp(1) - first);
        assertEquals(4702, timestamp(2) - first);
        assertEquals(4702 + 2160, timestamp(3) - first);
    }

    @Test
    public void aSenderReportFollowsTheFirstFramesThenEveryFiveSeconds() {
        sender.frames(ByteBuffer.wrap(TestFrames.frames(2)));
        assertEquals(1, publication.rtcp.size());
        ByteBuffer report = ByteBuffer.wrap(publication.rtcp.get(0));
        assertEquals(200, report.get(1) & 0xFF);
        assertEquals(packet(0).getInt(8), report.getInt(4));
        assertEquals(NtpTime.fromInstant(wall), report.getLong(8));
        // the end of the audio sent: it plays now
        assertEquals((timestamp(0) + 4702) & 0xFFFF_FFFFL, report.getInt(16) & 0xFFFF_FFFFL);
        assertEquals(2, report.getInt(20));
        assertEquals(2 * (4 + TestFrames.SIZE), report.getInt(24));
        assertTrue(new String(publication.rtcp.get(0), java.nio.charset.StandardCharsets.US_ASCII)
                .contains(MpaSender.CNAME));

        nanos.addAndGet(MpaSender.REPORT_INTERVAL_NANOS - 1);
        sender.frames(ByteBuffer.wrap(TestFrames.frames(1)));
        assertEquals(1, publication.rtcp.size());
        nanos.addAndGet(1);
        sender.frames(ByteBuffer.wrap(TestFrames.frames(1)));
        assertEquals(2, publication.rtcp.size());
    }

    @Test
    public void bytesThatAreNotAWholeFrameAreNotSent() {
        ByteBuffer cut = ByteBuffer.wrap(TestFrames.frames(2), 0, TestFrames.SIZE + 100);
        sender.frames(cut);
        assertEquals(1, publication.rtp.size());
        sender.frames(ByteBuffer.wrap(new byte[50]));
        assertEquals(1, publication.rtp.size());
    }

    @Test
    public void theSdpAnnouncesOneMpaTrackOnTheStaticPayloadType() {
        String sdp = MpaSender.sdp("/radio");
        assertTrue(sdp, sdp.startsWith("v=0\r\n"));
        assertTrue(sdp, sdp.contains("s=/radio\r\n"));
        assertTrue(sdp, sdp.contains("m=audio 0 RTP/AVP 14\r\n"));
        assertTrue(sdp, sdp.contains("a=rtpmap:14 MPA/90000\r\n"));
        assertTrue(sdp, sdp.contains("a=control:trackID=1\r\n"));
        assertFalse(sdp, sdp.contains("m=video"));
    }
}
