package org.tributary.rtsp.internal.codec;

import io.netty.buffer.ByteBuf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Builds and reads the byte vectors of the codec tests. */
final class WireBytes {

    private WireBytes() {
    }

    /** @return an interleaved frame as on the wire: '$', channel, 16-bit length, payload */
    static byte[] frame(int channel, int... payload) {
        byte[] frame = new byte[4 + payload.length];
        frame[0] = '$';
        frame[1] = (byte) channel;
        frame[2] = (byte) (payload.length >> 8);
        frame[3] = (byte) payload.length;
        for (int i = 0; i < payload.length; i++) {
            frame[4 + i] = (byte) payload[i];
        }
        return frame;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Arrays.stream(parts).forEach(out::writeBytes);
        return out.toByteArray();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** @return the readable bytes, leaving the buffer untouched */
    static byte[] bytes(ByteBuf buf) {
        byte[] bytes = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), bytes);
        return bytes;
    }
}
