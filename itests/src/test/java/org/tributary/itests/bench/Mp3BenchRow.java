package org.tributary.itests.bench;

import java.util.List;
import java.util.Locale;

/**
 * One turn of one server in the MP3 listener benchmark.
 *
 * @param server     the server measured
 * @param round      which of its turns
 * @param listeners  listeners opened
 * @param lost       listeners refused or closed by the server
 * @param rates      what the listeners received in the window
 * @param cpuPercent the server's CPU in % of one core over the window
 * @param rssMiB     the server's largest RSS
 * @param toolPercent the listener tool's CPU in % of one core
 * @param loadAverage /proc/loadavg at the window's end
 */
record Mp3BenchRow(String server, int round, int listeners, int lost, ListenerRates rates, double cpuPercent,
                   double rssMiB, double toolPercent, String loadAverage) {

    static final List<String> HEADER = List.of(
            "| server | turn | listeners | receiving | lost | server CPU (% of one core) | server RSS | tool CPU "
                    + "| rate min / median | stalls > 1 s | load average |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");

    String row() {
        return String.format(Locale.ROOT, "| %s | %d | %,d | %,d | %d | %.1f %% | %.0f MiB | %.1f %% | %.1f / %.1f kbit/s "
                        + "| %d | %s |", server, round, listeners, rates.receiving(), lost, cpuPercent, rssMiB,
                toolPercent, rates.minKbps(), rates.medianKbps(), rates.stalls(),
                String.join(" ", List.of(loadAverage.split(" ")).subList(0, 3)));
    }
}
