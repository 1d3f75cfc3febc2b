package org.tributary.rtp;

import java.nio.ByteBuffer;

/** Builds received RTP and RTCP packets for the tests. */
final class TestPackets {

    private TestPackets() {
    }

    /** A version 2 packet of SSRC 0x11223344 without CSRCs, extension or padding, timestamp 90000 + sequence. */
    static ByteBuffer packet(int payloadType, int sequence, int... payload) {
        ByteBuffer p = ByteBuffer.allocate(RtpHeader.SIZE + payload.length);
        RtpHeader.write(p, false, payloadType, sequence, 90000 + sequence, 0x11223344);
        return p.put(RecordingSink.bytes(payload)).flip();
    }

    /** A packet from literal bytes, header included. */
    static ByteBuffer bytes(int... bytes) {
        return ByteBuffer.wrap(RecordingSink.bytes(bytes));
    }
}
