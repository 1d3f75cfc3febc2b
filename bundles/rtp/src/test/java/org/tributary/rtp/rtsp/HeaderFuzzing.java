package org.tributary.rtp.rtsp;

import java.nio.charset.StandardCharsets;

/** Shared by the header fuzz tests: header values arrive as one char per octet, as Netty decodes them. */
final class HeaderFuzzing {

    /** A header parser. */
    interface Parser<T> {
        T parse(String value) throws RtspHeaderException;
    }

    private HeaderFuzzing() {
    }

    /** @return the parsed value, or null when the parser refused it with its documented exception */
    static <T> T parsedOrNull(byte[] data, Parser<T> parser) {
        try {
            return parser.parse(new String(data, StandardCharsets.ISO_8859_1));
        } catch (RtspHeaderException refused) {
            return null;
        }
    }
}
