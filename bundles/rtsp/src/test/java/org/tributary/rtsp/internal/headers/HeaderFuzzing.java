package org.tributary.rtsp.internal.headers;

import java.nio.charset.StandardCharsets;

/** Shared by the header fuzz tests: header values arrive as one char per octet, as Netty decodes them. */
final class HeaderFuzzing {

    private HeaderFuzzing() {
    }

    static String latin1(byte[] data) {
        return new String(data, StandardCharsets.ISO_8859_1);
    }
}
