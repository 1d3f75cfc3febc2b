package org.tributary.source.live.internal;

import java.nio.ByteBuffer;

/**
 * Where the payload of a checked RTP packet lies (RFC 3550 section 5.1).
 *
 * @param payloadType the packet's payload type
 * @param offset      absolute index of the first payload byte in the packet's buffer
 * @param length      payload length without padding
 */
record RtpPayload(int payloadType, int offset, int length) {

    private static final int FIXED_HEADER = 12;

    /**
     * @param packet a whole RTP packet from its position to its limit; not modified
     * @return the payload's location
     * @throws MalformedPacketException when the version is not 2 or a length does not fit the packet
     */
    static RtpPayload of(ByteBuffer packet) throws MalformedPacketException {
        int start = packet.position();
        int end = packet.limit();
        if (end - start < FIXED_HEADER) {
            throw new MalformedPacketException("RTP packet of " + (end - start) + " bytes, shorter than its header");
        }
        int first = packet.get(start) & 0xff;
        if (first >> 6 != 2) {
            throw new MalformedPacketException("RTP version " + (first >> 6) + " instead of 2");
        }
        int offset = start + FIXED_HEADER + 4 * (first & 0x0f);
        if ((first & 0x10) != 0) {
            if (offset + 4 > end) {
                throw new MalformedPacketException("RTP header extension beyond the packet end");
            }
            offset += 4 + 4 * (packet.getShort(offset + 2) & 0xffff);
        }
        if (offset > end) {
            throw new MalformedPacketException("RTP CSRC list or header extension beyond the packet end");
        }
        int length = end - offset;
        if ((first & 0x20) != 0) {
            int padding = length == 0 ? 0 : packet.get(end - 1) & 0xff;
            if (padding == 0 || padding > length) {
                throw new MalformedPacketException("RTP padding of " + padding + " bytes in a payload of " + length);
            }
            length -= padding;
        }
        return new RtpPayload(packet.get(start + 1) & 0x7f, offset, length);
    }
}
