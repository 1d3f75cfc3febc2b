package org.tributary.core.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the typed value syntax Karaf writes into {@code etc/*.cfg} after a Web Console save
 * ({@code I"45"}, {@code "text"}, {@code B"true"}, {@code ["a", "b"]}). A file mixing such lines with
 * plain ones ({@code tlsKeystore = rtsps.p12}, added by hand afterwards) is read as an untyped file, so
 * every typed line arrives as its raw text; this turns that text back into the value it stands for.
 */
final class TypedValues {

    private TypedValues() {
    }

    /** @return the value {@code text} stands for in the typed syntax, or empty when it is plain text */
    static Optional<Object> decode(String text) {
        String s = text.strip();
        if (s.length() < 2) {
            return Optional.empty();
        }
        char type = 'T';
        if (Character.isLetter(s.charAt(0))) {
            type = s.charAt(0);
            s = s.substring(1);
        }
        try {
            if (s.startsWith("\"")) {
                Reader reader = new Reader(s);
                String value = reader.quoted();
                return reader.atEnd() ? Optional.of(scalar(type, value)) : Optional.empty();
            }
            if (s.startsWith("[") || s.startsWith("(")) {
                return Optional.of(list(type, s));
            }
        } catch (IllegalArgumentException notTyped) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** An array {@code ["a", "b"]}, given as an array of the element type (SCR converts it further). */
    private static Object list(char type, String s) {
        char close = s.charAt(0) == '[' ? ']' : ')';
        Reader reader = new Reader(s.substring(1));
        List<Object> values = new ArrayList<>();
        reader.skipBlanks();
        while (!reader.startsWith(close)) {
            values.add(scalar(type, reader.quoted()));
            reader.skipBlanks();
            if (reader.startsWith(',')) {
                reader.next();
                reader.skipBlanks();
            }
        }
        reader.next();
        if (!reader.atEnd()) {
            throw new IllegalArgumentException("text after the list");
        }
        Object array = Array.newInstance(values.isEmpty() ? String.class : values.get(0).getClass(), values.size());
        for (int i = 0; i < values.size(); i++) {
            Array.set(array, i, values.get(i));
        }
        return array;
    }

    /** Felix writes floats and doubles as their raw bits. */
    private static Object scalar(char type, String value) {
        return switch (Character.toUpperCase(type)) {
            case 'T' -> value;
            case 'I' -> Integer.valueOf(value);
            case 'L' -> Long.valueOf(value);
            case 'F' -> Float.intBitsToFloat(Integer.parseInt(value));
            case 'D' -> Double.longBitsToDouble(Long.parseLong(value));
            case 'X' -> Byte.valueOf(value);
            case 'S' -> Short.valueOf(value);
            case 'C' -> value.isEmpty() ? '\0' : value.charAt(0);
            case 'B' -> Boolean.valueOf(value);
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    /** Walks the text: quoted strings with backslash escapes, blanks (a continued line leaves some). */
    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        boolean atEnd() {
            skipBlanks();
            return at == text.length();
        }

        boolean startsWith(char c) {
            if (at >= text.length()) {
                throw new IllegalArgumentException("unterminated");
            }
            return text.charAt(at) == c;
        }

        void next() {
            at++;
        }

        void skipBlanks() {
            while (at < text.length() && (Character.isWhitespace(text.charAt(at)) || text.charAt(at) == '\\')) {
                at++;
            }
        }

        String quoted() {
            if (!startsWith('"')) {
                throw new IllegalArgumentException("not quoted");
            }
            StringBuilder value = new StringBuilder();
            for (at++; at < text.length(); at++) {
                char c = text.charAt(at);
                if (c == '"') {
                    at++;
                    return value.toString();
                }
                if (c == '\\' && at + 1 < text.length()) {
                    c = text.charAt(++at);
                    if (c == 'u' && at + 4 < text.length()) {
                        c = (char) Integer.parseInt(text.substring(at + 1, at + 5), 16);
                        at += 4;
                    } else {
                        c = switch (c) {
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 't' -> '\t';
                            default -> c;
                        };
                    }
                }
                value.append(c);
            }
            throw new IllegalArgumentException("unterminated");
        }
    }
}
