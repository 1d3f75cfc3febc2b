package org.tributary.rtp.rtsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lexical helpers shared by the header parsers: splitting outside quotes, bounded numbers. */
final class HeaderSyntax {

    /** Longest decimal accepted anywhere, so parsing never overflows a long. */
    private static final int MAX_DIGITS = 18;

    private HeaderSyntax() {
    }

    /**
     * Splits on {@code delimiter} where it is not inside double quotes; parts are stripped of
     * surrounding blanks and empty parts are kept, so callers decide whether they are an error.
     */
    static List<String> split(String value, char delimiter) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                parts.add(value.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(value.substring(start).strip());
        return parts;
    }

    /** @return the text without one pair of surrounding double quotes, if it has them */
    static String unquote(String text) {
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    /**
     * Parses an unsigned decimal number within bounds.
     *
     * @param what names the value in the error message, e.g. "client_port"
     * @throws MalformedHeaderException when the text is not 1..18 ASCII digits or is out of bounds
     */
    static long decimal(String text, long min, long max, String what) throws MalformedHeaderException {
        if (text.isEmpty() || text.length() > MAX_DIGITS || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MalformedHeaderException(what + " \"" + abbreviate(text) + "\" is not a decimal number");
        }
        long number = Long.parseLong(text);
        if (number < min || number > max) {
            throw new MalformedHeaderException(what + " " + number + " is outside " + min + ".." + max);
        }
        return number;
    }

    /** Shortens a client-supplied value before it goes into an exception message. */
    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /** @return true when the text holds a control character (C0 or DEL) */
    static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
    }

    /** One {@code name[=value]} parameter of a header; the name is lower-cased, the value unquoted. */
    record Parameter(String name, String value) {

        static Parameter of(String text) {
            int eq = text.indexOf('=');
            if (eq < 0) {
                return new Parameter(text.strip().toLowerCase(Locale.ROOT), null);
            }
            return new Parameter(text.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                    unquote(text.substring(eq + 1).strip()));
        }

        /** @return the value, required to be present */
        String required() throws MalformedHeaderException {
            if (value == null || value.isEmpty()) {
                throw new MalformedHeaderException("parameter " + name + " has no value");
            }
            return value;
        }
    }
}
