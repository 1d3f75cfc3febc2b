package org.tributary.itests.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;
import org.tributary.itests.support.RtpHeader;

/** RFC 3550 loss and jitter on hand-computed vectors. */
public class RtpStreamStatsTest {

    private static final long T0 = 5_000_000_000L;

    @Test
    public void countsLossAcrossTheSequenceWrap() {
        RtpStreamStats stats = new RtpStreamStats("video", 90000);
        for (int sequence : new int[] {65534, 65535, 0, 2}) {
            stats.onPacket(packet(sequence, 0), 100, T0);
        }
        assertEquals(4, stats.received());
        assertEquals(5, stats.expected());
        assertEquals(1, stats.lost());
        assertEquals(400, stats.bytes());
    }

    @Test
    public void reorderedPacketsAreNotLost() {
        RtpStreamStats stats = new RtpStreamStats("video", 90000);
        for (int sequence : new int[] {10, 12, 11}) {
            stats.onPacket(packet(sequence, 0), 100, T0);
        }
        assertEquals(3, stats.expected());
        assertEquals(0, stats.lost());
    }

    @Test
    public void jitterFollowsTheRfc3550Estimator() {
        // a 1 kHz clock makes one timestamp unit one millisecond
        RtpStreamStats stats = new RtpStreamStats("audio", 1000);
        stats.onPacket(packet(1, 0), 100, T0);
        stats.onPacket(packet(2, 20), 100, T0 + 20_000_000L);
        assertEquals(0, stats.jitterMillis(), 1e-6);
        stats.onPacket(packet(3, 40), 100, T0 + 50_000_000L); // 10 ms late: J = 10/16
        assertEquals(0.625, stats.jitterMillis(), 1e-6);
        stats.onPacket(packet(4, 60), 100, T0 + 70_000_000L); // on time again: J -= J/16
        assertEquals(0.5859375, stats.jitterMillis(), 1e-6);
        assertEquals(T0 + 70_000_000L, stats.lastArrivalNanos());
    }

    @Test
    public void mediaTimeSpansTheTimestampWrap() {
        RtpStreamStats stats = new RtpStreamStats("video", 90000);
        stats.onPacket(packet(1, 4294967000L), 100, T0);
        stats.onPacket(packet(2, 8704), 100, T0 + 100_000_000L);
        assertEquals(0.1, stats.mediaSeconds(), 1e-9);
    }

    @Test
    public void refusesANonPositiveClock() {
        assertThrows(IllegalArgumentException.class, () -> new RtpStreamStats("video", 0));
    }

    private static RtpHeader packet(int sequence, long timestamp) {
        return new RtpHeader(96, false, sequence, timestamp, 1, 88);
    }
}
