package org.tributary.rtp;

import java.nio.ByteBuffer;

/**
 * The fixed header of a received RTP packet (RFC 3550 section 5.1) and where its payload lies.
 *
 * @param payloadType   payload type, 0..127
 * @param marker        the marker bit
 * @param sequence      sequence number, 0..65535
 * @param timestamp     RTP timestamp, 0..2<sup>32</sup>-1
 * @param ssrc          synchronization source identifier (32 bits, compare as an int)
 * @param payloadOffset where the payload starts, counted from the first byte of the packet
 *                      (after the CSRC list and any header extension)
 * @param payloadLength payload length without padding
 */
public record RtpPacket(int payloadType, boolean marker, int sequence, long timestamp, int ssrc,
                        int payloadOffset, int payloadLength) {

    private static final int PADDING_BIT = 0x20;
    private static final int EXTENSION_BIT = 0x10;
    private static final int MARKER_BIT = 0x80;

    /**
     * Reads the header of a packet without moving the buffer's position or limit.
     *
     * @param packet one whole RTP packet from its position to its limit; untrusted
     * @return its header and payload location
     * @throws MalformedRtpException naming the cause when it is not a well-formed RTP version 2 packet
     */
    public static RtpPacket parse(ByteBuffer packet) throws MalformedRtpException {
        int start = packet.position();
        int length = packet.remaining();
        if (length < RtpHeader.SIZE) {
            throw malformed(length, "shorter than the " + RtpHeader.SIZE + "-byte header");
        }
        int first = packet.get(start) & 0xFF;
        if ((first >> 6) != 2) {
            throw malformed(length, "version " + (first >> 6) + ", expected 2");
        }
        int headerLength = RtpHeader.SIZE + 4 * (first & 0x0F);
        if (headerLength > length) {
            throw malformed(length, "too short for its " + (first & 0x0F) + " CSRC identifiers");
        }
        if ((first & EXTENSION_BIT) != 0) {
            if (headerLength + 4 > length) {
                throw malformed(length, "too short for its header extension");
            }
            headerLength += 4 + 4 * (packet.getShort(start + headerLength + 2) & 0xFFFF);
            if (headerLength > length) {
                throw malformed(length, "header extension runs past the end");
            }
        }
        int padding = 0;
        if ((first & PADDING_BIT) != 0) {
            padding = packet.get(start + length - 1) & 0xFF;
            if (padding == 0 || headerLength + padding > length) {
                throw malformed(length, "padding count " + padding + " does not fit after the "
                        + headerLength + "-byte header");
            }
        }
        int second = packet.get(start + 1) & 0xFF;
        return new RtpPacket(second & 0x7F, (second & MARKER_BIT) != 0, packet.getShort(start + 2) & 0xFFFF,
                packet.getInt(start + 4) & 0xFFFF_FFFFL, packet.getInt(start + 8), headerLength,
                length - headerLength - padding);
    }

    private static MalformedRtpException malformed(int length, String cause) {
        return new MalformedRtpException("malformed RTP packet of " + length + " bytes: " + cause);
    }
}
