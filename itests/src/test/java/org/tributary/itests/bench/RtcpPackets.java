package org.tributary.itests.bench;

import java.nio.ByteBuffer;

/** Reads the packet types of a compound RTCP packet (RFC 3550 §6.1), to notice a BYE. */
final class RtcpPackets {

    /** Packet type of a BYE (RFC 3550 §6.6). */
    static final int BYE = 203;

    private static final int HEADER = 4;

    private RtcpPackets() {
    }

    /**
     * Returns whether the compound packet between {@code packet}'s position and limit holds a BYE;
     * stops at the first header that is not RTP version 2 or whose length runs past the end. The
     * buffer's position is left alone.
     */
    static boolean hasBye(ByteBuffer packet) {
        int offset = packet.position();
        while (packet.limit() - offset >= HEADER) {
            int first = packet.get(offset) & 0xFF;
            if (first >> 6 != 2) {
                return false;
            }
            if ((packet.get(offset + 1) & 0xFF) == BYE) {
                return true;
            }
            offset += ((packet.getShort(offset + 2) & 0xFFFF) + 1) * 4;
        }
        return false;
    }
}
