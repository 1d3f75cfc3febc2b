package org.tributary.source.live.internal;

import java.nio.ByteBuffer;

/** Builds RTP packets byte by byte for the tests. */
public final class RtpPackets {

    private RtpPackets() {
    }

    /** A version 2 packet without CSRCs, extension or padding, each sequence number its own timestamp. */
    public static ByteBuffer packet(int payloadType, int sequence, int... payload) {
        return packet(payloadType, sequence, 90000 + sequence, false, payload);
    }

    /** A version 2 packet without CSRCs, extension or padding. */
    public static ByteBuffer packet(int payloadType, int sequence, long timestamp, boolean marker, int... payload) {
        ByteBuffer p = ByteBuffer.allocate(12 + payload.length);
        p.put((byte) 0x80).put((byte) (payloadType | (marker ? 0x80 : 0))).putShort((short) sequence)
                .putInt((int) timestamp).putInt(0x11223344);
        for (int b : payload) {
            p.put((byte) b);
        }
        return p.flip();
    }

    /** A packet from literal bytes, header included. */
    static ByteBuffer bytes(int... bytes) {
        ByteBuffer p = ByteBuffer.allocate(bytes.length);
        for (int b : bytes) {
            p.put((byte) b);
        }
        return p.flip();
    }
}
