package org.tributary.rtsp.internal.tunnel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Coverage-guided fuzzing of {@link Base64Stream}: messages encoded one by one, joined with line
 * breaks and cut anywhere, decode to the messages' bytes; any other text decodes or fails with an
 * {@link IllegalArgumentException}, never writing more than three bytes per four characters.
 * Replays {@code Base64StreamFuzzTestInputs/}; {@code -Pfuzz} fuzzes it.
 */
class Base64StreamFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void decode(FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            roundTrip(data);
        } else {
            anyText(data);
        }
    }

    private static void roundTrip(FuzzedDataProvider data) {
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        StringBuilder body = new StringBuilder();
        int count = data.consumeInt(1, 8);
        for (int i = 0; i < count; i++) {
            byte[] message = data.consumeBytes(data.consumeInt(0, 512));
            messages.writeBytes(message);
            body.append(Base64.getEncoder().encodeToString(message)).append(data.consumeBoolean() ? "\r\n" : "");
        }
        byte[] text = body.toString().getBytes(StandardCharsets.US_ASCII);
        Base64Stream stream = new Base64Stream();
        ByteBuf out = Unpooled.buffer();
        int at = 0;
        while (at < text.length) {
            int piece = Math.min(text.length - at, data.consumeInt(1, 64));
            stream.decode(Unpooled.wrappedBuffer(text, at, piece), out);
            at += piece;
        }
        assertArrayEquals(messages.toByteArray(), ByteBufUtil.getBytes(out));
    }

    private static void anyText(FuzzedDataProvider data) {
        int piece = data.consumeInt(1, 64);
        byte[] text = data.consumeRemainingAsBytes();
        Base64Stream stream = new Base64Stream();
        ByteBuf out = Unpooled.buffer();
        try {
            for (int at = 0; at < text.length; at += piece) {
                stream.decode(Unpooled.wrappedBuffer(text, at, Math.min(piece, text.length - at)), out);
            }
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertTrue(out.readableBytes() <= text.length / 4 * 3, out.readableBytes() + " bytes out of " + text.length);
    }
}
