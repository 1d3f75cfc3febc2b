package org.tributary.itests.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tributary.itests.support.ServerVitals.Vitals;

/**
 * The rule a hot-swap step is held to: groups that do not depend on what it touched lose nothing (no gap, no
 * BYE, no close); the touched ones end cleanly or go on, but lose no packet; service returns within
 * {@link #SERVICE_MILLIS}; and with the same load as before, the server holds no more threads, file
 * descriptors, UDP sockets or heap than before the step, give or take a small slack.
 */
final class StepVerdict {

    static final long SERVICE_MILLIS = 1000;
    static final long THREAD_SLACK = 4;
    static final long FD_SLACK = 8;
    static final long HEAP_SLACK_BYTES = 16L << 20;

    private StepVerdict() {
    }

    /**
     * Returns what broke the rule, one line each; empty when the step kept it.
     *
     * @param tallies each group's tally, by group name
     * @param touched the groups that depend on what the step touched
     * @param serviceMillis how long until every group served a new client, -1 when one never did
     * @param before the server's vitals before the step
     * @param after its vitals after it, the same load running again
     */
    static List<String> failures(Map<String, Tally> tallies, Set<String> touched, long serviceMillis,
            Vitals before, Vitals after) {
        List<String> failures = new ArrayList<>();
        tallies.forEach((group, tally) -> {
            if (tally.lost() > 0) {
                failures.add(group + ": " + tally.lost() + " lost (" + tally.lostPackets() + " packets)");
            }
            if (!touched.contains(group) && tally.ended() > 0) {
                failures.add(group + ": " + tally.ended() + " ended though untouched");
            }
        });
        if (serviceMillis < 0 || serviceMillis > SERVICE_MILLIS) {
            failures.add("service " + (serviceMillis < 0 ? "did not return" : "after " + serviceMillis + " ms"));
        }
        check(failures, "threads", after.threads() - before.threads(), THREAD_SLACK);
        check(failures, "fds", after.fds() - before.fds(), FD_SLACK);
        check(failures, "UDP sockets", after.udpSockets() - before.udpSockets(), 0);
        check(failures, "heap MiB", (after.heapAfterGcBytes() - before.heapAfterGcBytes()) >> 20, HEAP_SLACK_BYTES >> 20);
        check(failures, "sessions", after.sessions() - before.sessions(), 0);
        return failures;
    }

    private static void check(List<String> failures, String what, long grown, long slack) {
        if (grown > slack) {
            failures.add(what + " +" + grown);
        }
    }
}
