package org.tributary.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Coverage-guided fuzzing of {@link RtpHeader#parse}: any bytes give a header whose payload lies
 * inside the packet, or an {@link IllegalArgumentException}; a parsed header written again parses
 * to the same fields. Replays {@code RtpHeaderFuzzTestInputs/} in a normal build; {@code -Pfuzz}
 * fuzzes it.
 */
class RtpHeaderFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void parse(byte[] data) {
        ByteBuf packet = Unpooled.wrappedBuffer(data);
        RtpHeader header;
        try {
            header = RtpHeader.parse(packet);
        } catch (IllegalArgumentException malformed) {
            return;
        }
        assertEquals(0, packet.readerIndex(), "parse must not move the reader index");
        assertTrue(header.payloadOffset() >= RtpHeader.SIZE && header.payloadLength() >= 0
                && header.payloadOffset() + header.payloadLength() <= data.length, header::toString);
        assertEquals(header.payloadLength(), header.payload(packet).readableBytes());

        ByteBuf rewritten = Unpooled.buffer();
        RtpHeader.write(rewritten, header.marker(), header.payloadType(), header.sequence(), header.timestamp(),
                header.ssrc());
        rewritten.writeBytes(header.payload(packet));
        RtpHeader again = RtpHeader.parse(rewritten);
        assertEquals(new RtpHeader(header.marker(), header.payloadType(), header.sequence(), header.timestamp(),
                header.ssrc(), RtpHeader.SIZE, header.payloadLength()), again);
    }
}
