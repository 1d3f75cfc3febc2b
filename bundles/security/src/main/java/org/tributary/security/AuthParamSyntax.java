package org.tributary.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The lexical layer of RFC 7235 credentials and challenges, for servers reading
 * {@code Authorization} and clients reading {@code WWW-Authenticate} alike: octet checks, the
 * {@code #auth-param} list ({@code token = ( token / quoted-string )}), quoting, strict UTF-8.
 * Header values arrive one char per octet (ISO-8859-1), as an RTSP or HTTP decoder reads them.
 */
public final class AuthParamSyntax {

    /** Longest Authorization or WWW-Authenticate header value accepted. */
    public static final int MAX_HEADER_LENGTH = 4096;

    /** Longest realm, in characters (challenges) or UTF-8 bytes (credentials). */
    public static final int MAX_REALM_LENGTH = 255;

    private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";

    private AuthParamSyntax() {
    }

    /**
     * Checks a whole header value: length, octets only (chars up to U+00FF), no control characters
     * other than HTAB.
     *
     * @param header the whole header value, untrusted
     * @throws MalformedAuthorizationException naming the length or the first offending character
     */
    public static void checkHeader(String header) throws MalformedAuthorizationException {
        if (header.length() > MAX_HEADER_LENGTH) {
            throw new MalformedAuthorizationException("header value of " + header.length()
                    + " characters exceeds " + MAX_HEADER_LENGTH);
        }
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c > 0xFF || (c < 0x20 && c != '\t') || c == 0x7F) {
                throw new MalformedAuthorizationException(String.format(Locale.ROOT,
                        "header value holds character U+%04X at position %d", (int) c, i));
            }
        }
    }

    /** @return true for an RFC 7230 {@code tchar} */
    public static boolean isTchar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || TCHAR_SYMBOLS.indexOf(c) >= 0;
    }

    /** @return true when every char is an ASCII hex digit (either case) */
    public static boolean isHex(String text) {
        return text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
    }

    /** @return the index of the first char at or after {@code from} that is not SP or HTAB */
    public static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * Parses a comma-separated {@code auth-param} list. Names are lower-cased, values unquoted
     * (quoted-pair escapes resolved); empty list elements are skipped as RFC 7230 §7 asks.
     *
     * @param text the list after the scheme, e.g. {@code realm="Tributary", nonce="abc"}; untrusted
     * @return the parameters by lower-case name, in the order given
     * @throws MalformedAuthorizationException on a syntax error or a parameter given twice
     */
    public static Map<String, String> parameters(String text) throws MalformedAuthorizationException {
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = 0;
        while (true) {
            while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i >= text.length()) {
                return parameters;
            }
            int nameStart = i;
            while (i < text.length() && isTchar(text.charAt(i))) {
                i++;
            }
            if (i == nameStart) {
                throw new MalformedAuthorizationException("unexpected '" + text.charAt(i) + "' at position " + i
                        + " where a parameter name should start");
            }
            String name = text.substring(nameStart, i).toLowerCase(Locale.ROOT);
            i = skipBlanks(text, i);
            if (i >= text.length() || text.charAt(i) != '=') {
                throw new MalformedAuthorizationException("parameter " + abbreviate(name) + " has no '=' and value");
            }
            i = skipBlanks(text, i + 1);
            StringBuilder value = new StringBuilder();
            i = text.startsWith("\"", i) ? quotedString(text, i, name, value) : token(text, i, name, value);
            if (parameters.putIfAbsent(name, value.toString()) != null) {
                throw new MalformedAuthorizationException("parameter " + abbreviate(name) + " appears twice");
            }
            i = skipBlanks(text, i);
            if (i < text.length() && text.charAt(i) != ',') {
                throw new MalformedAuthorizationException("parameter " + abbreviate(name) + " is followed by '"
                        + text.charAt(i) + "' instead of ','");
            }
        }
    }

    private static int quotedString(String text, int open, String name, StringBuilder value)
            throws MalformedAuthorizationException {
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c == '"') {
                return i;
            }
            if (c == '\\') {
                if (i >= text.length()) {
                    break;
                }
                c = text.charAt(i++);
            }
            value.append(c);
        }
        throw new MalformedAuthorizationException("parameter " + abbreviate(name)
                + " has an unterminated quoted string");
    }

    private static int token(String text, int start, String name, StringBuilder value)
            throws MalformedAuthorizationException {
        int i = start;
        while (i < text.length() && isTchar(text.charAt(i))) {
            i++;
        }
        if (i == start) {
            throw new MalformedAuthorizationException("parameter " + abbreviate(name) + " has no value");
        }
        value.append(text, start, i);
        return i;
    }

    /**
     * Checks a realm the server puts in a challenge. Printable ASCII only: a header value leaves
     * through Netty's ASCII encoder, and clients disagree on the charset of anything else.
     *
     * @return the realm
     * @throws IllegalArgumentException when it is empty, longer than {@value #MAX_REALM_LENGTH}
     *         characters, or holds a character outside U+0020..U+007E
     */
    public static String challengeRealm(String realm) {
        if (realm.isEmpty() || realm.length() > MAX_REALM_LENGTH
                || !realm.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
            throw new IllegalArgumentException("realm \"" + abbreviate(realm) + "\" is empty, longer than "
                    + MAX_REALM_LENGTH + " characters or not printable ASCII");
        }
        return realm;
    }

    /** @return the value as a quoted-string, escaping {@code "} and {@code \} */
    public static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }

    /**
     * Decodes octets as strict UTF-8 (malformed or unmappable input is an error).
     *
     * @param what names the value in the error message
     */
    public static CharBuffer utf8(byte[] octets, String what) throws MalformedAuthorizationException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(octets));
        } catch (CharacterCodingException e) {
            throw new MalformedAuthorizationException(what + " is not valid UTF-8");
        }
    }

    /** Decodes a one-char-per-octet string (as read from the wire) as strict UTF-8. */
    public static String utf8(String octetString, String what) throws MalformedAuthorizationException {
        return utf8(octetString.getBytes(StandardCharsets.ISO_8859_1), what).toString();
    }

    /** @return true when the text holds a control character (C0 or DEL) */
    public static boolean hasControl(CharSequence text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
    }

    /** Shortens a client-supplied value before it goes into a message. */
    public static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
