package org.tributary.itests.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.tributary.itests.support.ServerVitals.Vitals;
import org.tributary.itests.support.VitalsSeries.Metric;
import org.tributary.itests.support.VitalsSeries.Trend;

public class VitalsSeriesTest {

    private static final long MB = 1_000_000;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void aSteadyServerIsFlatAndTheWarmUpIsIgnored() {
        VitalsSeries series = new VitalsSeries();
        series.add(0, new Vitals(20 * MB, 200 * MB, 80, 200, 4, 0));
        for (int i = 1; i <= 9; i++) {
            // a few clients come and go: fds and UDP sockets wobble within their slack
            series.add(i * 10, new Vitals((60 + i % 2) * MB, (300 + 10 * i) * MB, 120 + i % 3, 300 + 4 * (i % 3),
                    8 + 4 * (i % 2), i % 4));
        }
        Map<Metric, Trend> trends = byMetric(series.growth(10));
        assertTrue(trends.toString(), trends.values().stream().allMatch(Trend::flat));
        assertFalse("RSS is plotted, not checked", trends.containsKey(Metric.RSS));
        assertFalse("sessions are checked at the end, not here", trends.containsKey(Metric.SESSIONS));
    }

    @Test
    public void heapGrowingBeyondFivePercentIsReported() {
        VitalsSeries series = new VitalsSeries();
        for (int i = 0; i < 9; i++) {
            series.add(i * 10, new Vitals((100 + 2 * i) * MB, 300 * MB, 120, 300, 8, 2));
        }
        Trend heap = byMetric(series.growth(0)).get(Metric.HEAP_AFTER_GC);
        assertEquals(102, heap.start(), 1e-9);
        assertEquals(114, heap.end(), 1e-9);
        assertFalse(heap.toString(), heap.flat());
        assertTrue(heap.toString(), heap.toString().contains("GREW"));
    }

    @Test
    public void aLeakOfSocketsBeyondTheSlackIsReportedEvenWhenSmallInPercent() {
        VitalsSeries series = new VitalsSeries();
        for (int i = 0; i < 6; i++) {
            series.add(i * 10, new Vitals(100 * MB, 300 * MB, 120, 1000, 10 + 4 * i, 2));
        }
        Map<Metric, Trend> trends = byMetric(series.growth(0));
        assertFalse(trends.toString(), trends.get(Metric.UDP_SOCKETS).flat());
        assertTrue(trends.toString(), trends.get(Metric.FDS).flat());
    }

    @Test(expected = IllegalStateException.class)
    public void oneSampleAfterTheWarmUpIsNoTrend() {
        VitalsSeries series = new VitalsSeries();
        series.add(0, new Vitals(1, 1, 1, 1, 1, 0));
        series.add(10, new Vitals(1, 1, 1, 1, 1, 0));
        series.growth(5);
    }

    @Test
    public void theCsvHasATimeColumnAndOneLinePerSample() throws Exception {
        VitalsSeries series = new VitalsSeries();
        series.add(0, new Vitals(1, 2, 3, 4, 5, 6));
        series.add(10.04, new Vitals(7, 8, 9, 10, 11, 0));
        Path csv = folder.getRoot().toPath().resolve("soak/vitals.csv");
        series.writeCsv(csv);
        assertEquals(List.of("seconds," + Vitals.CSV_HEADER, "0.0,1,2,3,4,5,6", "10.0,7,8,9,10,11,0"),
                Files.readAllLines(csv));
    }

    private static Map<Metric, Trend> byMetric(List<Trend> trends) {
        return trends.stream().collect(Collectors.toMap(Trend::metric, Function.identity()));
    }
}
