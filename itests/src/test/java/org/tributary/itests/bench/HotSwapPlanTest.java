package org.tributary.itests.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.Test;

public class HotSwapPlanTest {

    private final List<HotSwapStep> steps = HotSwapPlan.steps("org.tributary.live.relay~x");

    private HotSwapStep step(String name) {
        return steps.stream().filter(step -> step.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    public void everyBundleIsUpdatedAndRestartedAndEveryOptionalFeatureReinstalled() {
        assertEquals(2 * 11 + 7 + 12, steps.size());
        assertEquals(List.of("bundle:update tributary-mp3", "bundle:refresh"),
                step("bundle:update + refresh tributary-mp3").commands());
        assertEquals(List.of("feature:uninstall tributary-webconsole", "feature:install tributary-webconsole"),
                step("feature:uninstall + install tributary-webconsole").commands());
        assertTrue(steps.stream().noneMatch(step -> step.name().contains("tributary-core") && step.name()
                .startsWith("feature")));
    }

    @Test
    public void refreshingAnUpdatedLibraryTouchesEveryGroupStoppingItNone() {
        assertEquals(5, step("bundle:update + refresh tributary-api").touched().size());
        assertEquals(Set.of(), step("bundle:stop + start tributary-api").touched());
        assertEquals(Set.of(HotSwapPlan.MP3), step("bundle:update + refresh tributary-mp3").touched());
    }

    @Test
    public void aConfigurationChangeTouchesNothingButTheRelaysOwn() {
        assertEquals(Set.of(), step("config org.tributary.rtsp requestTimeout=16").touched());
        assertEquals(Set.of(HotSwapPlan.RELAY), step("config org.tributary.live.relay~x connectSeconds=6").touched());
        assertTrue(step("config org.tributary.rtsp requestTimeout=16").async());
    }
}
