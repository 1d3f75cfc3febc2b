package org.tributary.itests.bench;

import java.nio.ByteBuffer;
import org.tributary.itests.support.RtpHeader;

/**
 * The publisher's RTP packets: a 12-byte header (version 2, no CSRC or extension) and a payload
 * that starts with the send time ({@link System#nanoTime()}, 8 bytes) and a packet counter
 * (8 bytes), zero-filled to the packet size. The server rewrites only header fields, so a viewer
 * reads both values back from its copy.
 */
final class ProbePacket {

    /** Bytes of the payload that carry the probe. */
    static final int PROBE_SIZE = 16;
    /** Smallest whole packet: header and probe. */
    static final int MIN_SIZE = RtpHeader.FIXED_SIZE + PROBE_SIZE;

    private ProbePacket() {
    }

    /**
     * Writes one packet into {@code packet} from position 0 and flips it.
     *
     * @param size whole packet size, at least {@link #MIN_SIZE} and at most the buffer's capacity
     * @param counter the packet's number from 0; its low 16 bits are the sequence number
     * @param timestamp the RTP timestamp
     */
    static void write(ByteBuffer packet, int size, int payloadType, long ssrc, long counter, long timestamp,
            long sendNanos) {
        if (size < MIN_SIZE || size > packet.capacity()) {
            throw new IllegalArgumentException("probe packet of " + size + " bytes is outside " + MIN_SIZE + ".."
                    + packet.capacity());
        }
        packet.clear();
        packet.put((byte) 0x80).put((byte) (payloadType & 0x7F)).putShort((short) counter)
                .putInt((int) timestamp).putInt((int) ssrc).putLong(sendNanos).putLong(counter);
        while (packet.position() < size) {
            packet.put((byte) 0);
        }
        packet.flip();
    }

    /**
     * Reads the probe of a received packet.
     *
     * @param header the packet's parsed header
     * @param packet the whole packet between position and limit; not moved
     * @throws IllegalArgumentException when the payload is too short to hold a probe
     */
    static Probe read(RtpHeader header, ByteBuffer packet) {
        if (header.payloadLength() < PROBE_SIZE) {
            throw new IllegalArgumentException("RTP payload of " + header.payloadLength()
                    + " bytes cannot hold the " + PROBE_SIZE + "-byte probe");
        }
        int payload = packet.limit() - header.payloadLength();
        return new Probe(packet.getLong(payload), packet.getLong(payload + 8));
    }

    /**
     * What a packet carries.
     *
     * @param sendNanos when the publisher sent it, on this machine's monotonic clock
     * @param counter its number from 0
     */
    record Probe(long sendNanos, long counter) {
    }
}
