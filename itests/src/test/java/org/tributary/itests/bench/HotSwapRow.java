package org.tributary.itests.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tributary.itests.support.ServerVitals.Vitals;

/**
 * One line of the hot-swap table: a step, what became of the sessions of every group, how long until each
 * group served a new client again, what the server held before and after, and what broke the rule.
 *
 * @param step the step's name
 * @param tallies each group's tally, by group name, in the report's order
 * @param serviceMillis how long after the last command every group served again (-1: one never did)
 * @param slowest the group that took longest to serve again
 * @param before the server's vitals before the step
 * @param after its vitals after it, with the same load again
 * @param failures what broke the rule (see {@link StepVerdict})
 */
record HotSwapRow(String step, Map<String, Tally> tallies, long serviceMillis, String slowest, Vitals before,
        Vitals after, List<String> failures) {

    /** The table's header: two Markdown lines. */
    static final List<String> HEADER = List.of(
            "| step | kept | ended | lost (packets) | ended or lost, by group | time to service | Δ threads | Δ fds "
                    + "| Δ UDP sockets | Δ heap after GC (MiB) | verdict |",
            "|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---|");

    /** Returns the row as one Markdown table line. */
    String row() {
        Tally total = tallies.values().stream().reduce(Tally.NONE, Tally::plus);
        StringBuilder touched = new StringBuilder();
        tallies.forEach((group, tally) -> {
            if (!tally.allKept()) {
                touched.append(touched.length() == 0 ? "" : ", ").append(group).append(' ')
                        .append(tally.ended()).append('/').append(tally.lost());
            }
        });
        String service = serviceMillis < 0 ? "never (" + slowest + ")"
                : serviceMillis + " ms" + (serviceMillis > 0 ? " (" + slowest + ")" : "");
        return String.format(Locale.ROOT, "| %s | %d | %d | %d (%d) | %s | %s | %+d | %+d | %+d | %+.1f | %s |", step,
                total.kept(), total.ended(), total.lost(), total.lostPackets(), touched.length() == 0 ? "–" : touched,
                service, after.threads() - before.threads(), after.fds() - before.fds(),
                after.udpSockets() - before.udpSockets(),
                (after.heapAfterGcBytes() - before.heapAfterGcBytes()) / (1024.0 * 1024.0),
                failures.isEmpty() ? "ok" : String.join("; ", failures));
    }
}
