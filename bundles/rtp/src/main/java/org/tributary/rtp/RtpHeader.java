package org.tributary.rtp;

import java.nio.ByteBuffer;

import io.netty.buffer.ByteBuf;

/**
 * The fixed RTP header of RFC 3550 section 5.1, as written for outgoing packets and as parsed from
 * received ones. {@link RtpPacket} is the same on {@link ByteBuffer}; the {@code ByteBuf} methods here
 * are adapters for protocol bundles.
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
    private static final int MARKER_BIT = 0x80;

    /**
     * Puts a 12-byte header (V=2, no padding, no extension, no CSRC) at the buffer's position, which
     * advances by 12.
     *
     * @param out         the packet buffer, with at least {@link #SIZE} bytes remaining
     * @param marker      the marker bit
     * @param payloadType payload type, 0..127
     * @param sequence    sequence number; only its low 16 bits are written
     * @param timestamp   RTP timestamp; only its low 32 bits are written
     * @param ssrc        synchronization source identifier
     * @throws IllegalArgumentException when the payload type is outside 0..127
     */
    public static void write(ByteBuffer out, boolean marker, int payloadType, int sequence, long timestamp,
                             int ssrc) {
        out.putInt(firstWord(marker, payloadType, sequence)).putInt((int) timestamp).putInt(ssrc);
    }

    /**
     * Appends the header of {@link #write(ByteBuffer, boolean, int, int, long, int)} at the writer index:
     * an adapter for callers that build packets in a Netty buffer.
     *
     * @param out the packet buffer
     * @throws IllegalArgumentException when the payload type is outside 0..127
     */
    public static void write(ByteBuf out, boolean marker, int payloadType, int sequence, long timestamp, int ssrc) {
        out.writeInt(firstWord(marker, payloadType, sequence)).writeInt((int) timestamp).writeInt(ssrc);
    }

    /** Version, flags, marker, payload type and sequence: the header's first 32 bits. */
    private static int firstWord(boolean marker, int payloadType, int sequence) {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("RTP payload type " + payloadType + " is outside 0..127");
        }
        return VERSION_BITS << 24 | (marker ? MARKER_BIT : 0) << 16 | payloadType << 16 | (sequence & 0xFFFF);
    }

    /**
     * Reads the header of the packet between the reader and writer index, without moving them: an
     * adapter over {@link RtpPacket#parse(ByteBuffer)}.
     *
     * @param packet one whole RTP packet; untrusted
     * @return its header
     * @throws IllegalArgumentException naming the cause when it is not a well-formed RTP version 2 packet
     */
    public static RtpHeader parse(ByteBuf packet) {
        RtpPacket parsed;
        try {
            parsed = RtpPacket.parse(packet.nioBuffer());
        } catch (MalformedRtpException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        return new RtpHeader(parsed.marker(), parsed.payloadType(), parsed.sequence(), parsed.timestamp(),
                parsed.ssrc(), parsed.payloadOffset(), parsed.payloadLength());
    }

    /**
     * @param packet the packet this header was parsed from, indices unchanged since
     * @return a slice of its payload, sharing its memory and reference count
     */
    public ByteBuf payload(ByteBuf packet) {
        return packet.slice(packet.readerIndex() + payloadOffset, payloadLength);
    }
}
