package org.tributary.itests.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the C load tool ({@code tools/rtsp-load}): the figures of its one-line JSON summary, and
 * the server as {@link ProcessSampler} saw it over the tool's measuring window.
 *
 * @param summary the tool's JSON fields, values as text (strings unquoted)
 * @param serverCpuPercent the server's CPU between the tool's "# window-start" and "# window-end", in %
 *        of one core
 * @param serverRssMiB the server's largest resident set during the run
 * @param serverThreads the most threads the server had during the run
 */
record LoadToolRun(Map<String, String> summary, double serverCpuPercent, double serverRssMiB,
        long serverThreads) {

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\"([^\"]*)\"|[-+0-9.eE]+)");

    /** Reads the flat JSON object the tool prints last (numbers and strings without escapes). */
    static Map<String, String> parseSummary(String json) {
        if (!json.startsWith("{") || !json.endsWith("}")) {
            throw new IllegalArgumentException("not the tool's JSON summary: " + json);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher field = FIELD.matcher(json);
        while (field.find()) {
            fields.put(field.group(1), field.group(3) != null ? field.group(3) : field.group(2));
        }
        return fields;
    }

    /** Returns a numeric field of the summary; fails naming it when the tool did not print it. */
    double number(String key) {
        String value = summary.get(key);
        if (value == null) {
            throw new IllegalStateException("the load tool's summary has no " + key + ": " + summary);
        }
        return Double.parseDouble(value);
    }

    /** Returns a whole-number field of the summary. */
    long count(String key) {
        return (long) number(key);
    }

    /** Returns the tool's first error, or an empty string. */
    String firstError() {
        return summary.getOrDefault("first_error", "");
    }

    /** Returns the lost share of the expected packets, in percent. */
    double lossPercent() {
        return number("loss_pct");
    }

    /** Returns the tool's own CPU over the window, in % of one core. */
    double toolCpuPercent() {
        return number("tool_cpu_pct");
    }

    /**
     * Returns the run as the file benchmark's row: "completed" are the sessions that played and were not
     * silent for over a second at the end of the window; the play time is the window.
     */
    BenchmarkResult asBenchmarkResult() {
        long playing = count("playing");
        return new BenchmarkResult((int) count("sessions"), (int) count("set_up"),
                (int) Math.max(0, playing - count("stalled")), count("packets"), count("expected"),
                new BenchmarkResult.Jitter(number("audio_jitter_ms"), number("audio_jitter_max_ms")),
                new BenchmarkResult.Jitter(number("video_jitter_ms"), number("video_jitter_max_ms")),
                serverCpuPercent, serverRssMiB, serverThreads, toolCpuPercent(), number("window_s"));
    }

    /** The file benchmark's header with a first column {@code column} (e.g. "server"). */
    static List<String> labelledHeader(String column) {
        List<String> header = BenchmarkResult.markdownHeader();
        return List.of("| " + column + " " + header.get(0), "|---" + header.get(1));
    }

    /** This run as a row of {@link #labelledHeader}, its first cell {@code label}. */
    String labelledRow(String label) {
        return "| " + label + " " + asBenchmarkResult().markdownRow();
    }
}
