package org.tributary.source.live.internal.sdp;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.tributary.api.LiveViewer;

/** A viewer fed from a feed's receiving thread while the test thread reads what it got. */
final class CollectingViewer implements LiveViewer {

    final List<byte[]> packets = new CopyOnWriteArrayList<>();
    final List<Long> senderReportTimestamps = new CopyOnWriteArrayList<>();
    final AtomicInteger ended = new AtomicInteger();

    @Override
    public void rtp(int track, ByteBuffer packet) {
        byte[] copy = new byte[packet.remaining()];
        packet.duplicate().get(copy);
        packets.add(copy);
    }

    @Override
    public void senderReport(int track, long ntpTimestamp, long rtpTimestamp) {
        senderReportTimestamps.add(rtpTimestamp);
    }

    @Override
    public void ended() {
        ended.incrementAndGet();
    }
}
