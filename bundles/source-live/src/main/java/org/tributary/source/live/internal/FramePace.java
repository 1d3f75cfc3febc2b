package org.tributary.source.live.internal;

import java.nio.ByteBuffer;

import org.tributary.api.LiveViewer;

/**
 * Finds where one track's frames begin (a new RTP timestamp, or the packet after a marker bit) and
 * keeps a decision to skip a frame until the next one begins.
 */
final class FramePace {

    private boolean seenAny;
    private long lastTimestamp;
    private boolean lastMarker;
    private boolean skipping;

    /**
     * @param packet a checked RTP packet from its position
     * @param viewer asked once per frame, at its first packet, whether it is {@link LiveViewer#ready ready}
     * @param track  the track index the viewer is asked about
     * @return whether this packet belongs to a skipped frame
     */
    synchronized boolean skips(ByteBuffer packet, LiveViewer viewer, int track) {
        int at = packet.position();
        long timestamp = packet.getInt(at + 4) & 0xffffffffL;
        boolean marker = (packet.get(at + 1) & 0x80) != 0;
        if (!seenAny || lastMarker || timestamp != lastTimestamp) {
            skipping = !viewer.ready(track);
        }
        seenAny = true;
        lastTimestamp = timestamp;
        lastMarker = marker;
        return skipping;
    }

    /** The next packet starts a frame. */
    synchronized void reset() {
        seenAny = false;
        skipping = false;
    }
}
