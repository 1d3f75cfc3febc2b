package org.tributary.mp3.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The in-band ICY metadata block sent every {@code icy-metaint} audio bytes: one length byte (the block's
 * size divided by 16), then {@code StreamTitle='...';} in UTF-8, padded with zeros to a multiple of 16.
 * A block of length 0 (one zero byte) means "unchanged".
 */
final class IcyMetadata {

    /** The block that says the title did not change. */
    static final ByteBuffer UNCHANGED = ByteBuffer.wrap(new byte[1]).asReadOnlyBuffer();

    private static final int MAX_BLOCK = 255 * 16;
    private static final String PREFIX = "StreamTitle='";
    private static final String SUFFIX = "';";

    private IcyMetadata() {
    }

    /**
     * @param title the title, untrusted: control characters are dropped, quotes and backslashes escaped, and
     *              it is cut (on a character boundary) to fit the largest block
     * @return the whole block, read-only
     */
    static ByteBuffer block(String title) {
        String text = escape(title);
        byte[] body = (PREFIX + text + SUFFIX).getBytes(StandardCharsets.UTF_8);
        while (body.length > MAX_BLOCK) {
            text = text.substring(0, Character.isLowSurrogate(text.charAt(text.length() - 1)) ? text.length() - 2
                    : text.length() - 1);
            if (text.endsWith("\\") && !text.endsWith("\\\\")) {
                text = text.substring(0, text.length() - 1);
            }
            body = (PREFIX + text + SUFFIX).getBytes(StandardCharsets.UTF_8);
        }
        int units = (body.length + 15) / 16;
        byte[] block = new byte[1 + units * 16];
        block[0] = (byte) units;
        System.arraycopy(body, 0, block, 1, body.length);
        return ByteBuffer.wrap(block).asReadOnlyBuffer();
    }

    /** @return the title without control characters, with {@code '} and {@code \} escaped by a backslash */
    static String escape(String title) {
        StringBuilder out = new StringBuilder(title.length());
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                continue;
            }
            if (c == '\'' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
