package org.tributary.webconsole.internal.model;

import java.util.List;
import java.util.Locale;
import org.tributary.api.AccessLog;
import org.tributary.webconsole.internal.json.JsonWriter;

/** The log page: the access log's recent lines and the recent warnings, newest first, filtered. */
public final class LogReport {

    /** How many lines of each log the page shows at most. */
    static final int MAX_LINES = 500;

    private LogReport() {
    }

    /**
     * @param services what to read
     * @param filter   keep lines that contain this (case-insensitive); empty for all
     * @return {@code {"access": {"available", "fields", "lines"}, "warnings": {"available", "lines"}}}
     */
    public static String json(Services services, String filter) {
        String part = filter == null ? "" : filter.toLowerCase(Locale.ROOT);
        return JsonWriter.json(w -> {
            w.object().object("access").field("available", services.accessLog().isPresent())
                    .field("fields", services.accessLog().map(AccessLog::fields).orElse(""));
            lines(w, services.accessLog().map(a -> a.recent(MAX_LINES)).orElse(List.of()), part);
            w.end().object("warnings").field("available", services.warnings().isPresent());
            lines(w, services.warnings().map(l -> l.recent(MAX_LINES)).orElse(List.of()), part);
            w.end().end();
        });
    }

    private static void lines(JsonWriter w, List<String> lines, String part) {
        w.array("lines");
        lines.stream().filter(l -> part.isEmpty() || l.toLowerCase(Locale.ROOT).contains(part)).forEach(w::value);
        w.end();
    }
}
