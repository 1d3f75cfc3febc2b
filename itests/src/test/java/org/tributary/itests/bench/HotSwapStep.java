package org.tributary.itests.bench;

import java.util.List;
import java.util.Set;

/**
 * One step of the hot-swap benchmark: shell commands run one after the other while the load plays, and the
 * load groups that depend on what they touch (those may end, cleanly; every other group must lose nothing).
 *
 * @param name the step as the report shows it
 * @param commands Karaf shell commands, run through {@code bin/client}
 * @param touched names of the {@link LoadGroup}s that depend on what the step touches
 * @param async whether the step's effect may land after its last command returned (a refresh, a configuration
 *     event): the touched groups are then given a moment to end before a new client counts as served
 */
record HotSwapStep(String name, List<String> commands, Set<String> touched, boolean async) {

    /**
     * {@code bundle:update BSN} then {@code bundle:refresh}: Karaf's update does not refresh, so an updated
     * bundle that exports packages (api, security, rtp) would stay in use in its old revision by every importer
     * while a bundle updated later wires to the new one, and the two no longer see each other's services.
     */
    static HotSwapStep update(String bundle, Set<String> touched) {
        return new HotSwapStep("bundle:update + refresh " + bundle,
                List.of("bundle:update " + bundle, "bundle:refresh"), touched, true);
    }

    /** {@code bundle:stop BSN} then {@code bundle:start BSN}. */
    static HotSwapStep restart(String bundle, Set<String> touched) {
        return new HotSwapStep("bundle:stop + start " + bundle,
                List.of("bundle:stop " + bundle, "bundle:start " + bundle), touched, false);
    }

    /** {@code feature:uninstall NAME} then {@code feature:install NAME}. */
    static HotSwapStep reinstall(String feature, Set<String> touched) {
        return new HotSwapStep("feature:uninstall + install " + feature,
                List.of("feature:uninstall " + feature, "feature:install " + feature), touched, false);
    }

    /** {@code config:property-set -p PID key value}, as {@link org.tributary.itests.support.LiveConfig} does. */
    static HotSwapStep configure(String pid, String key, String value, Set<String> touched) {
        return new HotSwapStep("config " + pid + " " + key + "=" + value,
                List.of("config:property-set -p " + pid + " " + key + " \"" + value + "\""), touched, true);
    }
}
