package org.tributary.source.live.internal;

import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;

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
     * @param ready  asked once per frame, at its first packet: whether the viewer can take it
     * @return whether this packet belongs to a skipped frame
     */
    synchronized boolean skips(ByteBuffer packet, BooleanSupplier ready) {
        int at = packet.position();
        long timestamp = packet.getInt(at + 4) & 0xffffffffL;
        boolean marker = (packet.get(at + 1) & 0x80) != 0;
        if (!seenAny || lastMarker || timestamp != lastTimestamp) {
            skipping = !ready.getAsBoolean();
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
