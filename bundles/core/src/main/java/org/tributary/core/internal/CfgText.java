package org.tributary.core.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text of a {@code .cfg} file with new values: each key's line replaced, comments and order kept. */
final class CfgText {

    /** A {@code key = value} or {@code key: value} line and its key; {@code #} and {@code !} start comments. */
    private static final Pattern ENTRY = Pattern.compile("^\\s*([^#!\\s=:][^\\s=:]*)\\s*[=:].*$");

    private CfgText() {
    }

    /**
     * @param text   the file as it is
     * @param values every value the configuration holds now
     * @return the file with a line per value: its own line replaced, new ones at the end, lines of
     *         keys the configuration no longer holds left out (continued lines go with their first)
     */
    static String merge(String text, Map<String, Object> values) {
        Map<String, Object> missing = new LinkedHashMap<>(values);
        List<String> out = new ArrayList<>();
        boolean continued = false;
        for (String line : text.split("\n", -1)) {
            if (continued) {
                continued = line.endsWith("\\");
                continue;
            }
            Matcher entry = ENTRY.matcher(line);
            if (entry.matches()) {
                String key = entry.group(1);
                continued = line.endsWith("\\");
                if (missing.containsKey(key)) {
                    out.add(key + " = " + format(missing.remove(key)));
                }
                continue;
            }
            out.add(line);
        }
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        missing.forEach((key, value) -> out.add(key + " = " + format(value)));
        return String.join("\n", out) + "\n";
    }

    /**
     * A single value as plain text; a list in the typed syntax ({@code ["a", "b"]}), which the
     * configuration plugin reads back, since plain text has no lists.
     */
    static String format(Object value) {
        if (value instanceof Collection<?> collection) {
            return list(collection.toArray());
        }
        if (value != null && value.getClass().isArray()) {
            Object[] items = new Object[Array.getLength(value)];
            for (int i = 0; i < items.length; i++) {
                items[i] = Array.get(value, i);
            }
            return list(items);
        }
        return escape(String.valueOf(value));
    }

    private static String list(Object[] items) {
        StringJoiner list = new StringJoiner(", ", "[", "]");
        for (Object item : items) {
            list.add('"' + String.valueOf(item).replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        return escape(list.toString());
    }

    /** Escapes what a properties reader would change: backslashes, line breaks, leading blanks. */
    private static String escape(String text) {
        String escaped = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
        return escaped.startsWith(" ") ? "\\" + escaped : escaped;
    }
}
