package org.tributary.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Coverage-guided fuzzing of {@link Rtcp#parse} (the compound RTCP parser): it never throws, never
 * moves the buffer's indices, never reports more blocks than the bytes can hold, and a BYE written
 * by {@link Rtcp#writeBye} is still seen whatever damaged bytes follow it. Replays
 * {@code RtcpFuzzTestInputs/} in a normal build; {@code -Pfuzz} fuzzes it.
 */
class RtcpFuzzTest {

    private static final int REPORT_BLOCK_SIZE = 24;

    @FuzzTest(maxDuration = "2m")
    void parse(FuzzedDataProvider data) {
        int ssrc = data.consumeInt();
        String cname = data.consumeString(300);
        String reason = data.consumeBoolean() ? data.consumeString(300) : null;
        boolean byeFirst = data.consumeBoolean();
        byte[] junk = data.consumeRemainingAsBytes();

        ByteBuf received = Unpooled.wrappedBuffer(junk);
        RtcpFeedback feedback = Rtcp.parse(received);
        assertEquals(0, received.readerIndex());
        assertEquals(junk.length, received.writerIndex());
        assertTrue(feedback.reports().size() * REPORT_BLOCK_SIZE <= junk.length, feedback::toString);

        if (!byeFirst) {
            return;
        }
        ByteBuf compound = Unpooled.buffer();
        try {
            Rtcp.writeBye(compound, ssrc, cname, reason);
        } catch (IllegalArgumentException badLength) {
            return;
        }
        compound.writeBytes(junk);
        assertTrue(Rtcp.parse(compound).bye(), "a BYE followed by " + junk.length + " other bytes was missed");
    }
}
