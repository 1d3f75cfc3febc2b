package org.tributary.auth.internal;

import java.util.ArrayList;
import java.util.List;

/** Splits file text into lines the way editors write them: LF or CRLF, last newline optional. */
public final class TextLines {

    private TextLines() {
    }

    /** @return the lines, without their line ends */
    public static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        if (text.isEmpty()) {
            return lines;
        }
        String[] parts = text.split("\n", -1);
        int count = text.endsWith("\n") ? parts.length - 1 : parts.length;
        for (int i = 0; i < count; i++) {
            String part = parts[i];
            lines.add(part.endsWith("\r") ? part.substring(0, part.length() - 1) : part);
        }
        return lines;
    }
}
