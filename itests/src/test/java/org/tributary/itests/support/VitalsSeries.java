package org.tributary.itests.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.tributary.itests.support.ServerVitals.Vitals;

/**
 * The samples of a long run, each at its second since the run started: written as CSV, and checked for
 * growth once the server warmed up. Growth compares the mean of the first third of the samples after the
 * warm-up with the mean of the last third, so one sample taken while a few clients happen to overlap does not
 * decide alone; shrinking is never a leak and is allowed. Safe for one writer thread and readers after it.
 */
public final class VitalsSeries {

    /** One series of {@link Vitals}: its CSV column, how to read it and the absolute growth always allowed. */
    public enum Metric {
        /** Heap after a full GC: 5 % of it, no absolute slack (tens of MB, so 5 % is already generous). */
        HEAP_AFTER_GC("heap after GC (MB)", vitals -> vitals.heapAfterGcBytes() / 1e6, 0),
        /** RSS is plotted, not checked: the JVM keeps what it once committed, so RSS lags the heap. */
        RSS("RSS (MB)", vitals -> vitals.rssBytes() / 1e6, Double.NaN),
        /**
         * Threads: 4 more are allowed, the RMI threads of a JMX connection and the SSH session threads of a
         * {@code bin/client} command, which the sampler and a config change start and Java ends lazily.
         */
        THREADS("threads", Vitals::threads, 4),
        /** File descriptors: 16 more are allowed, the sockets of the three or four clients a sample may meet. */
        FDS("open fds", Vitals::fds, 16),
        /**
         * UDP sockets: 8 more are allowed. Viewers share the server's sockets, but a publisher over UDP receives
         * on sockets of its own (4 to 6 while one publishes), and the soak alternates publishers over TCP and UDP.
         */
        UDP_SOCKETS("UDP sockets", Vitals::udpSockets, 8),
        /** Sessions: plotted here; that they are back to 0 once the clients are gone is checked on its own. */
        SESSIONS("sessions", Vitals::sessions, Double.NaN);

        private final String label;
        private final ToDoubleFunction<Vitals> value;
        private final double slack;

        Metric(String label, ToDoubleFunction<Vitals> value, double slack) {
            this.label = label;
            this.value = value;
            this.slack = slack;
        }

        /** @return the axis label, with its unit */
        public String label() {
            return label;
        }

        /** @return this metric of {@code vitals}, in the unit of {@link #label()} */
        public double of(Vitals vitals) {
            return value.applyAsDouble(vitals);
        }

        boolean checked() {
            return !Double.isNaN(slack);
        }
    }

    /** One sample at {@code seconds} since the run started. */
    public record Sample(double seconds, Vitals vitals) {
    }

    /** The first and last mean of one metric after the warm-up, as {@link #growth} compares them. */
    public record Trend(Metric metric, double start, double end, boolean flat) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %.1f -> %.1f%s", metric.label(), start, end, flat ? "" : " (GREW)");
        }
    }

    private static final double ALLOWED_GROWTH = 0.05;

    private final List<Sample> samples = new ArrayList<>();

    /** Adds a sample taken {@code seconds} after the run started. */
    public synchronized void add(double seconds, Vitals vitals) {
        samples.add(new Sample(seconds, vitals));
    }

    /** @return the samples so far, oldest first */
    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Writes the samples as CSV with a {@code seconds} column before {@link Vitals#CSV_HEADER}. */
    public void writeCsv(Path file) throws IOException {
        List<String> lines = new ArrayList<>(List.of("seconds," + Vitals.CSV_HEADER));
        for (Sample sample : samples()) {
            lines.add(String.format(Locale.ROOT, "%.1f,%s", sample.seconds(), sample.vitals().csvLine()));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /**
     * Returns the trend of every checked metric over the samples taken at or after {@code warmUpSeconds}:
     * flat when the last third's mean exceeds the first third's by no more than 5 % or the metric's slack.
     */
    public List<Trend> growth(double warmUpSeconds) {
        List<Vitals> after = samples().stream().filter(sample -> sample.seconds() >= warmUpSeconds)
                .map(Sample::vitals).toList();
        if (after.size() < 2) {
            throw new IllegalStateException(after.size() + " samples after the warm-up: too few to see a trend");
        }
        int third = Math.max(1, after.size() / 3);
        List<Trend> trends = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            if (metric.checked()) {
                double start = mean(after.subList(0, third), metric);
                double end = mean(after.subList(after.size() - third, after.size()), metric);
                trends.add(new Trend(metric, start, end, end - start <= Math.max(start * ALLOWED_GROWTH, metric.slack)));
            }
        }
        return trends;
    }

    private static double mean(List<Vitals> vitals, Metric metric) {
        return vitals.stream().mapToDouble(metric::of).average().orElseThrow();
    }
}
