package org.tributary.itests.bench;

import static org.junit.Assert.assertEquals;

import java.nio.ByteBuffer;
import org.junit.Test;
import org.tributary.itests.support.RtpHeader;

/** Latencies of all copies and of the first and last copy of each packet. */
public class FanoutLatencyTest {

    private final FanoutLatency latency = new FanoutLatency(2);

    @Test
    public void separatesTheFirstAndTheLastCopyOfEachPacket() {
        receive(0, 1_000_000, 1_100_000); // 0.1 ms
        receive(0, 1_000_000, 1_900_000); // 0.9 ms
        receive(1, 2_000_000, 2_300_000); // 0.3 ms, one copy only
        receive(5, 3_000_000, 3_500_000); // beyond the tracked packets: in the total only
        assertEquals(4, latency.copies());
        assertEquals(4, latency.allCopies().count());
        assertEquals(3_500_000, latency.lastArrivalNanos());
        assertEquals(2, latency.firstCopies().count());
        assertEquals(0.301, latency.firstCopies().percentileMillis(1.0), 1e-9);
        assertEquals(0.101, latency.firstCopies().percentileMillis(0.5), 1e-9);
        assertEquals(0.901, latency.lastCopies().percentileMillis(1.0), 1e-9);
    }

    @Test
    public void countsPacketsWithoutAProbe() {
        ByteBuffer tooShort = ByteBuffer.wrap(new byte[] {(byte) 0x80, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 7});
        latency.onPacket(RtpHeader.parse(tooShort), tooShort, 5);
        assertEquals(1, latency.unreadable());
        assertEquals(0, latency.copies());
    }

    private void receive(long counter, long sendNanos, long arrivalNanos) {
        ByteBuffer packet = ByteBuffer.allocate(64);
        ProbePacket.write(packet, 40, 96, 7, counter, 0, sendNanos);
        latency.onPacket(RtpHeader.parse(packet), packet, arrivalNanos);
    }
}
