package org.tributary.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.ByteBuffer;

/**
 * Coverage-guided fuzzing of {@link RtpPacket#parse}, which locates the payload of every packet a
 * publisher sends: any bytes, at any position of a buffer, give a payload inside the packet or a
 * {@link MalformedRtpException}, the buffer untouched; a parsed header written again parses to the same
 * fields. Replays {@code RtpPacketFuzzTestInputs/}; {@code -Pfuzz} fuzzes it.
 */
class RtpPacketFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void locate(FuzzedDataProvider data) {
        int position = data.consumeInt(0, 16);
        byte[] packet = data.consumeRemainingAsBytes();
        ByteBuffer buffer = ByteBuffer.allocate(position + packet.length);
        buffer.position(position);
        buffer.put(packet).position(position);

        RtpPacket header;
        try {
            header = RtpPacket.parse(buffer);
        } catch (MalformedRtpException refused) {
            assertEquals(position, buffer.position());
            return;
        }
        assertEquals(position, buffer.position());
        assertEquals(position + packet.length, buffer.limit());
        assertTrue(header.payloadOffset() >= RtpHeader.SIZE && header.payloadLength() >= 0
                && header.payloadOffset() + header.payloadLength() <= packet.length, header::toString);

        ByteBuffer rewritten = ByteBuffer.allocate(RtpHeader.SIZE + header.payloadLength());
        RtpHeader.write(rewritten, header.marker(), header.payloadType(), header.sequence(), header.timestamp(),
                header.ssrc());
        rewritten.put(buffer.duplicate().position(position + header.payloadOffset()).limit(
                position + header.payloadOffset() + header.payloadLength())).flip();
        try {
            assertEquals(new RtpPacket(header.payloadType(), header.marker(), header.sequence(), header.timestamp(),
                    header.ssrc(), RtpHeader.SIZE, header.payloadLength()), RtpPacket.parse(rewritten));
        } catch (MalformedRtpException e) {
            throw new AssertionError("rewritten packet refused: " + e.getMessage(), e);
        }
    }
}
