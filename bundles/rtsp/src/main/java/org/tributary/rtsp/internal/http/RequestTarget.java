package org.tributary.rtsp.internal.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The path and query of an HTTP request target: origin form ({@code /a/b?q}) or absolute form
 * ({@code http://host/a/b?q}). The path is percent-decoded once as UTF-8; the query stays raw.
 *
 * @param path  decoded, starting with '/'
 * @param query raw, after '?', or empty
 */
public record RequestTarget(String path, String query) {

    /** The longest request target accepted (the request line is bounded before this). */
    static final int MAX_LENGTH = 4096;

    /**
     * @throws IllegalArgumentException naming the fault: not a path ({@code *}, a bare authority), a
     *                                  percent escape that is not two hex digits, NUL or another control
     *                                  character, or bytes that are not UTF-8
     */
    public static RequestTarget parse(String target) {
        String rest = target;
        if (rest.regionMatches(true, 0, "http://", 0, 7) || rest.regionMatches(true, 0, "https://", 0, 8)) {
            int slash = rest.indexOf('/', rest.indexOf("//") + 2);
            rest = slash < 0 ? "/" : rest.substring(slash);
        }
        if (!rest.startsWith("/") || rest.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the request target is not a path");
        }
        int mark = rest.indexOf('?');
        String rawPath = mark < 0 ? rest : rest.substring(0, mark);
        int fragment = rawPath.indexOf('#');
        rawPath = fragment < 0 ? rawPath : rawPath.substring(0, fragment);
        return new RequestTarget(decode(rawPath), mark < 0 ? "" : rest.substring(mark + 1));
    }

    private static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("a percent escape that is not two hex digits");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c > 0xff) {
                throw new IllegalArgumentException("a character outside ISO-8859-1 in the request line");
            } else {
                bytes.write(c);
            }
        }
        byte[] decoded = bytes.toByteArray();
        for (byte b : decoded) {
            if ((b & 0xff) < 0x20 || b == 0x7f) {
                throw new IllegalArgumentException("a control character (NUL, CR, LF...) in the path");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(decoded)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a path that is not UTF-8");
        }
    }
}
