package org.tributary.rtsp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.After;
import org.junit.Test;
import org.tributary.api.ReceptionStats;
import org.tributary.rtp.ReportBlock;

/** Loss in percent and the round trip (RFC 3550 section 6.4.1) from a client's receiver report. */
public class TrackOutputReceptionTest {

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final TrackOutput output = new TrackOutput(1, new InterleavedTransport(channel, 0, 1), "trackID=1");

    @After
    public void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    public void lossAndRoundTripComeFromTheReport() {
        int first = output.nextSequence();
        // the client saw 200 packets from the first one, lost 4, and held our last report 0.5 s
        long lastReport = 0x1234_0000L;
        long arrival = ((lastReport + 0x8000 + 0x0CCC) << 16);   // 0.5 s + 50 ms after that report
        ReportBlock block = new ReportBlock(output.ssrc(), 5, 4, first + 199L, 0, lastReport, 0x8000);
        output.onReport(block, arrival);
        ReceptionStats stats = output.reception();
        assertEquals(1, stats.reports());
        assertEquals(4, stats.cumulativeLost());
        assertEquals(2.0, stats.lossPercent(), 1e-9);
        assertEquals(50.0, stats.roundTripMillis(), 0.1);
    }

    @Test
    public void noRoundTripBeforeTheClientSawASenderReport() {
        output.onReport(new ReportBlock(output.ssrc(), 0, 0, output.nextSequence() + 9L, 0, 0, 0), 1L << 40);
        assertTrue(Double.isNaN(output.reception().roundTripMillis()));
        assertEquals(0.0, output.reception().lossPercent(), 0);
    }
}
