package org.tributary.mp3.internal;

import java.io.ByteArrayOutputStream;

/** Synthetic MP3 frames: MPEG-1 layer III, 128 kbit/s, 44.1 kHz, stereo, no padding (417 bytes, 26.1 ms). */
final class TestFrames {

    static final int HEADER = 0xFFFB9064;
    static final int SIZE = 417;
    static final long MICROS = 1152 * 1_000_000L / 44100;

    private TestFrames() {
    }

    /** @return {@code count} frames whose body bytes are the frame's number */
    static byte[] frames(int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            byte[] frame = new byte[SIZE];
            java.util.Arrays.fill(frame, (byte) (i & 0x7F));
            frame[0] = (byte) (HEADER >>> 24);
            frame[1] = (byte) (HEADER >>> 16);
            frame[2] = (byte) (HEADER >>> 8);
            frame[3] = (byte) HEADER;
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }
}
