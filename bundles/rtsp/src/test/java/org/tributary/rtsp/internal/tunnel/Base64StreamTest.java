package org.tributary.rtsp.internal.tunnel;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.Test;

/** The POST body as QuickTime, ffmpeg and GStreamer send it: messages encoded one by one, cut anywhere. */
public class Base64StreamTest {

    private final Base64Stream stream = new Base64Stream();
    private final ByteBuf out = Unpooled.buffer();

    private void feed(String text) {
        ByteBuf in = Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
        stream.decode(in, out);
        in.release();
    }

    private String decoded() {
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    public void messagesEncodedOneByOneDecodeAcrossPaddingAndAnyCut() {
        String first = "OPTIONS rtsp://h/a RTSP/1.0\r\nCSeq: 1\r\n\r\n";
        String second = "DESCRIBE rtsp://h/a RTSP/1.0\r\nCSeq: 2\r\n\r\n";
        String third = "X";
        String body = encode(first) + "\r\n" + encode(second) + encode(third);
        for (int i = 0; i < body.length(); i += 5) {
            feed(body.substring(i, Math.min(body.length(), i + 5)));
        }
        assertEquals(first + second + third, decoded());
    }

    @Test
    public void allByteValuesSurvive() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        String text = Base64.getEncoder().encodeToString(all);
        feed(text.substring(0, 7));
        feed(text.substring(7));
        byte[] back = new byte[out.readableBytes()];
        out.readBytes(back);
        assertEquals(256, back.length);
        for (int i = 0; i < 256; i++) {
            assertEquals(i, back[i] & 0xff);
        }
    }

    @Test
    public void anIncompleteGroupWaitsForTheRest() {
        feed("T1BU");
        feed("SU9");
        assertEquals("OPT", decoded());
        feed("O");
        assertEquals("OPTION", decoded());
    }

    @Test
    public void invalidCharactersAndMisplacedPaddingAreRefused() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> feed("T1B*"));
        assertEquals("byte 0x2a is not base64", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Base64Stream().decode(
                Unpooled.copiedBuffer("T=", StandardCharsets.US_ASCII), Unpooled.buffer()));
        assertThrows(IllegalArgumentException.class, () -> new Base64Stream().decode(
                Unpooled.copiedBuffer("TQ=A", StandardCharsets.US_ASCII), Unpooled.buffer()));
        assertThrows(IllegalArgumentException.class, () -> new Base64Stream().decode(
                Unpooled.wrappedBuffer(new byte[] {(byte) 0xC3}), Unpooled.buffer()));
    }
}
