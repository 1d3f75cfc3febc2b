package org.tributary.rtp;

import io.netty.buffer.ByteBuf;

/**
 * The fixed RTP header of RFC 3550 section 5.1, as written for outgoing packets and as parsed from
 * received ones.
 *
 * @param marker        the marker bit
 * @param payloadType   payload type, 0..127
 * @param sequence      sequence number, 0..65535
 * @param timestamp     RTP timestamp, 0..2<sup>32</sup>-1
 * @param ssrc          synchronization source identifier (32 bits, compare as an int)
 * @param payloadOffset where the payload starts, counted from the first byte of the packet
 *                      (after the CSRC list and any header extension)
 * @param payloadLength payload length without padding
 */
public record RtpHeader(boolean marker, int payloadType, int sequence, long timestamp, int ssrc,
                        int payloadOffset, int payloadLength) {

    /** Size of the header that {@link #write} produces: no CSRC, no extension. */
    public static final int SIZE = 12;

    private static final int VERSION_BITS = 2 << 6;
    private static final int PADDING_BIT = 0x20;
    private static final int EXTENSION_BIT = 0x10;
    private static final int MARKER_BIT = 0x80;

    /**
     * Appends a 12-byte header (V=2, no padding, no extension, no CSRC) at the writer index.
     *
     * @param out         the packet buffer
     * @param marker      the marker bit
     * @param payloadType payload type, 0..127
     * @param sequence    sequence number; only its low 16 bits are written
     * @param timestamp   RTP timestamp; only its low 32 bits are written
     * @param ssrc        synchronization source identifier
     * @throws IllegalArgumentException when the payload type is outside 0..127
     */
    public static void write(ByteBuf out, boolean marker, int payloadType, int sequence, long timestamp, int ssrc) {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("RTP payload type " + payloadType + " is outside 0..127");
        }
        out.writeByte(VERSION_BITS);
        out.writeByte((marker ? MARKER_BIT : 0) | payloadType);
        out.writeShort(sequence);
        out.writeInt((int) timestamp);
        out.writeInt(ssrc);
    }

    /**
     * Reads the header of the packet between the reader and writer index, without moving them.
     *
     * @param packet one whole RTP packet; untrusted
     * @return its header
     * @throws IllegalArgumentException naming the cause when it is not a well-formed RTP version 2 packet
     */
    public static RtpHeader parse(ByteBuf packet) {
        int start = packet.readerIndex();
        int length = packet.readableBytes();
        if (length < SIZE) {
            throw malformed(length, "shorter than the " + SIZE + "-byte header");
        }
        int first = packet.getUnsignedByte(start);
        if ((first >> 6) != 2) {
            throw malformed(length, "version " + (first >> 6) + ", expected 2");
        }
        int headerLength = SIZE + 4 * (first & 0x0F);
        if (headerLength > length) {
            throw malformed(length, "too short for its " + (first & 0x0F) + " CSRC identifiers");
        }
        if ((first & EXTENSION_BIT) != 0) {
            if (headerLength + 4 > length) {
                throw malformed(length, "too short for its header extension");
            }
            headerLength += 4 + 4 * packet.getUnsignedShort(start + headerLength + 2);
            if (headerLength > length) {
                throw malformed(length, "header extension runs past the end");
            }
        }
        int padding = 0;
        if ((first & PADDING_BIT) != 0) {
            padding = packet.getUnsignedByte(start + length - 1);
            if (padding == 0 || headerLength + padding > length) {
                throw malformed(length, "padding count " + padding + " does not fit after the "
                        + headerLength + "-byte header");
            }
        }
        int second = packet.getUnsignedByte(start + 1);
        return new RtpHeader((second & MARKER_BIT) != 0, second & 0x7F, packet.getUnsignedShort(start + 2),
                packet.getUnsignedInt(start + 4), packet.getInt(start + 8), headerLength,
                length - headerLength - padding);
    }

    private static IllegalArgumentException malformed(int length, String cause) {
        return new IllegalArgumentException("malformed RTP packet of " + length + " bytes: " + cause);
    }

    /**
     * @param packet the packet this header was parsed from, indices unchanged since
     * @return a slice of its payload, sharing its memory and reference count
     */
    public ByteBuf payload(ByteBuf packet) {
        return packet.slice(packet.readerIndex() + payloadOffset, payloadLength);
    }
}
