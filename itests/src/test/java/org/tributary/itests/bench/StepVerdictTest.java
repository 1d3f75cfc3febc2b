package org.tributary.itests.bench;

import static org.junit.Assert.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;
import org.tributary.itests.support.ServerVitals.Vitals;

public class StepVerdictTest {

    private static final Vitals BEFORE = new Vitals(100L << 20, 400L << 20, 120, 900, 600, 500);
    private static final Tally KEPT = new Tally(100, 0, 0, 0);
    private static final Tally ENDED = new Tally(0, 100, 0, 0);

    private static Map<String, Tally> tallies(Tally files, Tally live) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        tallies.put("files", files);
        tallies.put("live", live);
        return tallies;
    }

    @Test
    public void touchedGroupsMayEndAndOthersGoOn() {
        assertEquals(List.of(), StepVerdict.failures(tallies(KEPT, ENDED), Set.of("live"), 120, BEFORE, BEFORE));
    }

    @Test
    public void anUntouchedGroupThatEndsOrLosesBreaksTheRule() {
        assertEquals(List.of("files: 100 ended though untouched", "live: 2 lost (7 packets)"),
                StepVerdict.failures(tallies(ENDED, new Tally(98, 0, 2, 7)), Set.of(), 0, BEFORE, BEFORE));
    }

    @Test
    public void slowOrMissingServiceBreaksTheRule() {
        assertEquals(List.of("service after 1500 ms"),
                StepVerdict.failures(tallies(KEPT, KEPT), Set.of(), 1500, BEFORE, BEFORE));
        assertEquals(List.of("service did not return"),
                StepVerdict.failures(tallies(KEPT, KEPT), Set.of(), -1, BEFORE, BEFORE));
    }

    @Test
    public void growthBeyondTheSlackIsALeak() {
        Vitals after = new Vitals((100L << 20) + (20L << 20), 500L << 20, 130, 905, 602, 501);
        assertEquals(List.of("threads +10", "UDP sockets +2", "heap MiB +20", "sessions +1"),
                StepVerdict.failures(tallies(KEPT, KEPT), Set.of(), 0, BEFORE, after));
    }
}
