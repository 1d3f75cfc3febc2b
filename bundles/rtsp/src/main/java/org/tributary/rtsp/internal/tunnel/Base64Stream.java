package org.tributary.rtsp.internal.tunnel;

import io.netty.buffer.ByteBuf;

/**
 * Decodes the body of a tunnel's POST: base64 text that arrives in pieces of any size, where each RTSP
 * message was encoded on its own, so padding ({@code =}) may end a group in the middle of the stream.
 * Line breaks and spaces between groups are skipped. Written by hand because the decoders at hand
 * (the JDK's, Netty's) expect one whole encoding, and stop at or reject padding before its end.
 */
final class Base64Stream {

    private static final byte[] VALUES = new byte[128];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = (byte) i;
        }
    }

    private final int[] group = new int[4];
    private int filled;
    private int padding;

    /**
     * Decodes what can be decoded of {@code text} into {@code out}; an incomplete group waits for the
     * next piece.
     *
     * @param text the next piece of the body; all of it is read
     * @param out  receives the decoded bytes
     * @throws IllegalArgumentException on a character outside base64 (with its code), or data after padding
     *                                  within a group
     */
    void decode(ByteBuf text, ByteBuf out) {
        while (text.isReadable()) {
            int c = text.readByte() & 0xff;
            if (c == '\r' || c == '\n' || c == ' ' || c == '\t') {
                continue;
            }
            if (c == '=') {
                if (filled < 2) {
                    throw new IllegalArgumentException("base64 padding after " + filled + " character(s) of a group");
                }
                padding++;
                group[filled++] = 0;
            } else if (c < 128 && VALUES[c] >= 0) {
                if (padding > 0) {
                    throw new IllegalArgumentException("base64 data after padding within a group");
                }
                group[filled++] = VALUES[c];
            } else {
                throw new IllegalArgumentException("byte 0x" + Integer.toHexString(c) + " is not base64");
            }
            if (filled == 4) {
                int bits = group[0] << 18 | group[1] << 12 | group[2] << 6 | group[3];
                out.writeByte(bits >> 16);
                if (padding < 2) {
                    out.writeByte(bits >> 8);
                }
                if (padding < 1) {
                    out.writeByte(bits);
                }
                filled = 0;
                padding = 0;
            }
        }
    }
}
