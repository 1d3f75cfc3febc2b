package org.tributary.rtsp.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.DefaultEventLoop;
import org.junit.After;
import org.junit.Test;
import org.tributary.rtp.PayloadFormats;
import org.tributary.rtp.RtpTrack;

/** The end of a played movie: when the RTCP BYE goes, and what its last sender report says. */
public class MediaPumpByeTest {

    private static final int SENDER_REPORT = 200;
    private static final int BYE = 203;
    private static final double CLOCK_RATE = 48000;

    private final DefaultEventLoop loop = new DefaultEventLoop();

    @After
    public void tearDown() {
        loop.shutdownGracefully();
    }

    /** Keeps each RTCP compound packet's bytes. */
    private static final class RecordingTransport implements MediaTransport {
        final List<byte[]> rtcp = new CopyOnWriteArrayList<>();

        public io.netty.util.concurrent.EventExecutor executor() { return io.netty.util.concurrent.ImmediateEventExecutor.INSTANCE; }
        public ByteBufAllocator alloc() { return UnpooledByteBufAllocator.DEFAULT; }
        public boolean writable() { return true; }
        public void sendRtp(ByteBuf packet) { packet.release(); }
        public void sendRtcp(ByteBuf packet) {
            byte[] bytes = new byte[packet.readableBytes()];
            packet.readBytes(bytes);
            packet.release();
            rtcp.add(bytes);
        }
        public void flush() { }
        public String responseHeader() { return "RTP/AVP"; }
        public String kind() { return "fake"; }
        public void close() { }
    }

    private static long u32(byte[] b, int at) {
        return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
    }

    private static boolean hasBye(byte[] compound) {
        for (int at = 0; at + 4 <= compound.length; at += 4 * ((int) (u32(compound, at) & 0xFFFF) + 1)) {
            if ((compound[at + 1] & 0xFF) == BYE) {
                return true;
            }
        }
        return false;
    }

    /** @return NTP seconds minus RTP seconds of the sender report that opens the compound packet */
    private static double clockOffset(byte[] compound, long timestampBase) {
        assertEquals(SENDER_REPORT, compound[1] & 0xFF);
        double ntp = u32(compound, 8) + u32(compound, 12) / 4294967296.0;
        long ticks = (u32(compound, 16) - timestampBase) & 0xFFFFFFFFL;
        return ntp - ticks / CLOCK_RATE;
    }

    @Test
    public void byeFollowsThePlayoutOfTheLastFrameAndKeepsTheSenderReportClock() throws Exception {
        FakeMovie movie = new FakeMovie();
        RecordingTransport transport = new RecordingTransport();
        RtspSession session = new RtspSession("S", "/movie.mp4", "127.0.0.1", java.util.Optional.empty(), movie, loop,
                s -> { });
        TrackOutput output = new TrackOutput(PayloadFormats.forTracks(movie.tracks()).get(0), transport, "trackID=1");
        session.addTrack(output);
        long base = output.rtpTime(0);
        // a cold report path (class loading) would put the first report's NTP time late against its media time
        output.sendReport(ReportInstant.at(System.nanoTime(), 0));
        output.sendBye(ReportInstant.at(System.nanoTime(), 0));
        transport.rtcp.clear();

        session.play(0, Double.POSITIVE_INFINITY);
        await().atMost(Duration.ofSeconds(10)).until(() -> transport.rtcp.stream().anyMatch(MediaPumpByeTest::hasBye));

        byte[] first = transport.rtcp.get(0);
        byte[] last = transport.rtcp.get(transport.rtcp.size() - 1);
        assertTrue("the BYE comes last", hasBye(last));
        // RFC 3550 6.4.1: the RTP and NTP timestamps of a sender report name the same instant
        double drift = clockOffset(last, base) - clockOffset(first, base);
        assertTrue("the BYE's sender report moved the media clock by " + drift + " s", Math.abs(drift) < 0.02);
        // the BYE's report says what the media clock showed when it left: the movie had played out 200 ms before
        double byeClock = ((u32(last, 16) - base) & 0xFFFFFFFFL) / CLOCK_RATE;
        assertTrue("BYE at media time " + byeClock + " s", byeClock >= movie.duration() + 0.2);
        assertEquals("READY", session.state());
    }
}
