package org.tributary.source.live.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;

import java.nio.ByteBuffer;

import org.tributary.rtp.RtpHeader;

/**
 * Coverage-guided fuzzing of {@link RtpPayload#of}, which locates the payload of every packet a
 * publisher sends: any bytes, at any position of a buffer, give a payload inside the packet or a
 * {@link MalformedPacketException}, the buffer untouched, and the same verdict and payload as the
 * {@code rtp} bundle's {@link RtpHeader#parse}. Replays {@code RtpPayloadFuzzTestInputs/};
 * {@code -Pfuzz} fuzzes it.
 */
class RtpPayloadFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void locate(FuzzedDataProvider data) {
        int position = data.consumeInt(0, 16);
        byte[] packet = data.consumeRemainingAsBytes();
        ByteBuffer buffer = ByteBuffer.allocate(position + packet.length);
        buffer.position(position);
        buffer.put(packet).position(position);

        RtpPayload payload;
        try {
            payload = RtpPayload.of(buffer);
        } catch (MalformedPacketException refused) {
            assertThrows(IllegalArgumentException.class, () -> RtpHeader.parse(Unpooled.wrappedBuffer(packet)),
                    "refused here, accepted by RtpHeader: " + refused.getMessage());
            return;
        }
        assertEquals(position, buffer.position());
        assertEquals(position + packet.length, buffer.limit());
        assertTrue(payload.offset() >= position + 12 && payload.length() >= 0
                && payload.offset() + payload.length() <= buffer.limit(), payload::toString);
        RtpHeader header = RtpHeader.parse(Unpooled.wrappedBuffer(packet));
        assertEquals(header.payloadType(), payload.payloadType());
        assertEquals(header.payloadOffset(), payload.offset() - position);
        assertEquals(header.payloadLength(), payload.length());
    }
}
