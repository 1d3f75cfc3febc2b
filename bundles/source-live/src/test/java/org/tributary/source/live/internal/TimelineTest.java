package org.tributary.source.live.internal;

import static org.junit.Assert.assertEquals;

import java.nio.ByteBuffer;

import org.junit.Test;

/** Sequence numbers and timestamps across a change of publisher, wrap-around included. */
public class TimelineTest {

    private static final long SECOND = 1_000_000_000L;

    private static ByteBuffer packet(int sequence, long timestamp) {
        return RtpPackets.packet(96, sequence, timestamp, true);
    }

    private static int sequence(ByteBuffer p) {
        return p.getShort(2) & 0xffff;
    }

    private static long timestamp(ByteBuffer p) {
        return p.getInt(4) & 0xffffffffL;
    }

    @Test
    public void theFirstPublisherPassesUnchanged() {
        Timeline timeline = new Timeline(90_000);
        ByteBuffer p = packet(65535, 0xFFFFFFF0L);
        timeline.map(p, 0);
        assertEquals(65535, sequence(p));
        assertEquals(0xFFFFFFF0L, timestamp(p));
        assertEquals(0xFFFFFFF0L, timeline.mapTimestamp(0xFFFFFFF0L));
    }

    @Test
    public void theNextPublisherContinuesAfterTheGapInTime() {
        Timeline timeline = new Timeline(48_000);
        timeline.map(packet(65535, 0xFFFFFF00L), 10 * SECOND);
        timeline.rebase();
        assertEquals("unknown until the new publisher's first packet", -1, timeline.mapTimestamp(5));
        ByteBuffer first = packet(1234, 777);
        timeline.map(first, 12 * SECOND);
        assertEquals(0, sequence(first));
        assertEquals((0xFFFFFF00L + 2 * 48_000) & 0xffffffffL, timestamp(first));
        ByteBuffer second = packet(1235, 777 + 960);
        timeline.map(second, 12 * SECOND + 20_000_000);
        assertEquals(1, sequence(second));
        assertEquals(timestamp(first) + 960, timestamp(second));
        assertEquals(timestamp(first) + 1920, timeline.mapTimestamp(777 + 1920));
    }

    @Test
    public void aPublisherBackAtOnceStillMovesTimeForward() {
        Timeline timeline = new Timeline(90_000);
        timeline.map(packet(10, 5000), SECOND);
        timeline.rebase();
        ByteBuffer p = packet(99, 5000);
        timeline.map(p, SECOND);
        assertEquals(11, sequence(p));
        assertEquals(5001, timestamp(p));
    }
}
