package org.tributary.source.live.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.tributary.api.LiveViewer;

/** A viewer that keeps copies of what it got, and the buffers themselves for sharing checks. */
class RecordingViewer implements LiveViewer {

    final List<Integer> tracks = new ArrayList<>();
    final List<byte[]> packets = new ArrayList<>();
    final List<ByteBuffer> buffers = new ArrayList<>();
    final List<long[]> senderReports = new ArrayList<>();
    int ended;

    @Override
    public void rtp(int track, ByteBuffer packet) {
        tracks.add(track);
        buffers.add(packet);
        byte[] copy = new byte[packet.remaining()];
        packet.duplicate().get(copy);
        packets.add(copy);
    }

    @Override
    public void senderReport(int track, long ntpTimestamp, long rtpTimestamp) {
        senderReports.add(new long[] {track, ntpTimestamp, rtpTimestamp});
    }

    @Override
    public void ended() {
        ended++;
    }
}
