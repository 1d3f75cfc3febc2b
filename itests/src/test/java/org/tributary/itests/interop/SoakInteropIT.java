package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ServerVitals;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;
import org.tributary.itests.support.VitalsChart;
import org.tributary.itests.support.VitalsSeries;

/**
 * The soak: for {@code soak.minutes} (2 by default, 30 with {@code -Psoak}) sessions join and leave
 * continuously (see {@link SoakRun}), while the server's vitals are sampled every 10 s into
 * {@code target/soak/vitals.csv} and plotted into {@code target/soak/vitals.png}. Then no client may have
 * failed, the sessions must be back to 0, and after the warm-up (the first third) heap after GC, threads,
 * open fds and UDP sockets must not have grown by more than 5 % (see {@link VitalsSeries.Metric} for the
 * small absolute slacks).
 */
public class SoakInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = LiveClients.withBroadcaster(new TributaryDistribution()
            .withRtsps());

    private static final double MINUTES = Double.parseDouble(System.getProperty("soak.minutes", "2"));
    /** A publisher reconnects every third of a short run (~40 s in 2 minutes), at most every 3 minutes. */
    private static final Duration PUBLISHER_EVERY = Duration.ofSeconds(Math.min(180, Math.round(MINUTES * 20)));
    private static final Duration CONFIG_EVERY = Duration.ofSeconds(Math.min(120, Math.round(MINUTES * 15)));
    private static final Duration SESSIONS_GONE = Duration.ofSeconds(30);
    private static final Path OUT = Path.of(System.getProperty("tributary.work", "target"), "soak");

    @Test
    public void sessionsComeAndGoAndNothingGrows() throws Exception {
        Tools.require("ffmpeg");
        Duration length = Duration.ofMillis(Math.round(MINUTES * 60_000));
        double warmUp = length.toMillis() / 3000.0;
        SoakRun soak = new SoakRun(SERVER, length, PUBLISHER_EVERY, CONFIG_EVERY);
        try (ServerVitals vitals = new ServerVitals(SERVER)) {
            soak.run(vitals);
            List<VitalsSeries.Trend> trends = soak.series().growth(warmUp);
            long sessions = await("sessions back to 0 once every client left").atMost(SESSIONS_GONE)
                    .pollInterval(Duration.ofSeconds(1)).until(() -> vitals.sample().sessions(), left -> left == 0);
            soak.series().add(soak.elapsedSeconds(), vitals.sample());
            report(soak, trends, warmUp);

            List<String> failures = soak.failures();
            assertTrue(failures.size() + " client(s) failed: " + String.join("\n", failures.subList(0,
                    Math.min(5, failures.size()))) + SERVER.recentLog(), failures.isEmpty());
            assertEquals("sessions at the end", 0, sessions);
            assertTrue("after the warm-up something grew: " + trends + SERVER.recentLog(),
                    trends.stream().allMatch(VitalsSeries.Trend::flat));
        }
    }

    /** Writes the CSV, the PNG and a summary beside them, and prints the summary into the test's output. */
    private static void report(SoakRun soak, List<VitalsSeries.Trend> trends, double warmUp) throws Exception {
        soak.series().writeCsv(OUT.resolve("vitals.csv"));
        VitalsChart.write(soak.series(), String.format(Locale.ROOT, "Tributary soak, %.0f minutes", MINUTES),
                warmUp, OUT.resolve("vitals.png"));
        List<String> summary = new ArrayList<>(List.of(soak.activity(), "after the warm-up (first third), "
                + "first third's mean -> last third's mean:"));
        trends.forEach(trend -> summary.add("  " + trend));
        Files.write(OUT.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
        summary.forEach(System.out::println);
    }
}
