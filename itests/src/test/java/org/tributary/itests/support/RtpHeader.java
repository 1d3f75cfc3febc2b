package org.tributary.itests.support;

import java.nio.ByteBuffer;

/**
 * The fixed RTP header fields a receiver checks (RFC 3550 §5.1).
 *
 * @param payloadType the payload type, 0–127
 * @param marker the marker bit
 * @param sequence the 16-bit sequence number
 * @param timestamp the 32-bit timestamp, unsigned
 * @param ssrc the synchronisation source, unsigned
 * @param payloadLength the bytes after the header, CSRCs and extension (padding included)
 */
public record RtpHeader(int payloadType, boolean marker, int sequence, long timestamp, long ssrc,
        int payloadLength) {

    /** Size of the fixed header. */
    public static final int FIXED_SIZE = 12;

    /**
     * Parses the packet between the buffer's position and limit, without moving them.
     *
     * @throws IllegalArgumentException when it is too short or not RTP version 2
     */
    public static RtpHeader parse(ByteBuffer packet) {
        int start = packet.position();
        int length = packet.remaining();
        if (length < FIXED_SIZE) {
            throw new IllegalArgumentException("RTP packet of " + length + " bytes is shorter than its 12-byte header");
        }
        int first = packet.get(start) & 0xFF;
        if (first >> 6 != 2) {
            throw new IllegalArgumentException("RTP version " + (first >> 6) + " is not 2");
        }
        int second = packet.get(start + 1) & 0xFF;
        int headerLength = FIXED_SIZE + 4 * (first & 0x0F);
        if ((first & 0x10) != 0) {
            if (length < headerLength + 4) {
                throw new IllegalArgumentException("RTP header extension runs past the packet end");
            }
            headerLength += 4 + 4 * (packet.getShort(start + headerLength + 2) & 0xFFFF);
        }
        if (headerLength > length) {
            throw new IllegalArgumentException("RTP header of " + headerLength + " bytes runs past the "
                    + length + "-byte packet");
        }
        return new RtpHeader(second & 0x7F, (second & 0x80) != 0, packet.getShort(start + 2) & 0xFFFF,
                packet.getInt(start + 4) & 0xFFFFFFFFL, packet.getInt(start + 8) & 0xFFFFFFFFL,
                length - headerLength);
    }
}
