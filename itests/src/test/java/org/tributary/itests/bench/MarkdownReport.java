package org.tributary.itests.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** A Markdown file of benchmark rows that grows one run at a time. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    /** Appends {@code row} to {@code file}, writing {@code header} first when the file is new. */
    static void append(Path file, List<String> header, String row) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
            Files.write(file, header, StandardCharsets.UTF_8);
        }
        Files.writeString(file, row + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
