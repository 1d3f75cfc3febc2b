package org.tributary.itests.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Edits a Karaf {@code etc/*.cfg} file in place: each given key's line is replaced, or appended
 * when the file does not have it; comments and other keys are kept as they are.
 */
public final class CfgFile {

    /** A {@code key = value} or {@code key: value} line; {@code #} and {@code !} start comments. */
    private static final Pattern ENTRY = Pattern.compile("^\\s*([^#!\\s=:][^\\s=:]*)\\s*[=:].*$");

    private CfgFile() {
    }

    /** Sets {@code key = value} for every entry, creating the file if it does not exist. */
    public static void put(Path file, Map<String, String> values) throws IOException {
        List<String> lines = Files.exists(file)
                ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
                : new ArrayList<>();
        Map<String, String> missing = new LinkedHashMap<>(values);
        for (int i = 0; i < lines.size(); i++) {
            String key = keyOf(lines.get(i));
            if (key != null && values.containsKey(key)) {
                lines.set(i, key + " = " + values.get(key));
                missing.remove(key);
            }
        }
        missing.forEach((key, value) -> lines.add(key + " = " + value));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Returns the key of a {@code key = value} (or {@code key: value}) line, null for others. */
    public static String keyOf(String line) {
        var matcher = ENTRY.matcher(line);
        return matcher.matches() ? matcher.group(1) : null;
    }
}
