package org.tributary.itests.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Map;
import org.junit.Test;

/** The C load tool's summary as the harness reads it. */
public class LoadToolRunTest {

    private static final String SUMMARY = "{\"url\":\"rtsp://127.0.0.1:8554/sample60.mp4\",\"transport\":\"udp\","
            + "\"sessions\":200,\"set_up\":199,\"playing\":198,\"failed\":2,\"first_error\":\"session 7: SETUP answered "
            + "RTSP/1.0 453 Not Enough Bandwidth\",\"packets\":99000,\"expected\":100000,\"loss_pct\":1.0000,"
            + "\"audio_jitter_ms\":0.257,\"audio_jitter_max_ms\":1.140,\"video_jitter_ms\":41.280,"
            + "\"video_jitter_max_ms\":59.050,\"window_s\":20.00,\"stalled\":3,\"tool_cpu_pct\":2.97,"
            + "\"server_cpu_pct\":-1.00}";

    @Test
    public void readsNumbersAndStrings() {
        Map<String, String> fields = LoadToolRun.parseSummary(SUMMARY);
        assertEquals("udp", fields.get("transport"));
        assertEquals("session 7: SETUP answered RTSP/1.0 453 Not Enough Bandwidth", fields.get("first_error"));
        assertEquals("-1.00", fields.get("server_cpu_pct"));
        assertEquals(18, fields.size());
    }

    @Test
    public void becomesTheFileBenchmarksRow() {
        LoadToolRun run = new LoadToolRun(LoadToolRun.parseSummary(SUMMARY), 45.67, 321.4, 77);
        assertEquals("| 200 | 199 | 195 | 99000/100000 | 1.000 | 0.26/1.14 | 41.28/59.05 | 45.7 | 321 | 77 | 3.0 | 20.0 |",
                run.asBenchmarkResult().markdownRow());
        assertEquals("| UDP | 200 | 199 | 195 |", run.labelledRow("UDP").substring(0, 25));
        assertEquals(2, LoadToolRun.labelledHeader("transport").size());
    }

    @Test
    public void namesAMissingField() {
        LoadToolRun run = new LoadToolRun(Map.of(), 0, 0, 0);
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> run.number("packets"));
        assertEquals(true, missing.getMessage().contains("packets"));
    }

    @Test
    public void refusesWhatIsNotTheSummary() {
        assertThrows(IllegalArgumentException.class, () -> LoadToolRun.parseSummary("# window-end"));
    }
}
