package org.tributary.itests.bench;

import static org.junit.Assert.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.tributary.itests.support.ServerVitals.Vitals;

public class HotSwapRowTest {

    private static final Vitals BEFORE = new Vitals(100L << 20, 400L << 20, 120, 900, 600, 500);

    @Test
    public void sumsTheGroupsAndNamesThoseThatDidNotGoOn() {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        tallies.put("files/UDP", new Tally(100, 0, 0, 0));
        tallies.put("live", new Tally(0, 99, 1, 3));
        Vitals after = new Vitals((100L << 20) + (3L << 19), 400L << 20, 121, 899, 600, 500);
        HotSwapRow row = new HotSwapRow("bundle:update tributary-source-live", tallies, 420, "live", BEFORE, after,
                List.of("live: 1 lost (3 packets)"));
        assertEquals("| bundle:update tributary-source-live | 100 | 99 | 1 (3) | live 99/1 | 420 ms (live) | +1 | -1 "
                + "| +0 | +1.5 | live: 1 lost (3 packets) |", row.row());
    }

    @Test
    public void aStepThatTouchedNothingReadsOk() {
        HotSwapRow row = new HotSwapRow("bundle:update tributary-shell", Map.of("mp3", new Tally(100, 0, 0, 0)), 0,
                "mp3", BEFORE, BEFORE, List.of());
        assertEquals("| bundle:update tributary-shell | 100 | 0 | 0 (0) | – | 0 ms | +0 | +0 | +0 | +0.0 | ok |",
                row.row());
    }
}
