package org.tributary.shell.command;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import org.tributary.api.ServerStats;

/** The one line of {@code stream:status} with the totals since the start and the refusals by status. */
final class ServerTotals {

    private ServerTotals() {
    }

    /** @param stats the server's statistics, or null when the core bundle does not offer them */
    static String line(ServerStats stats) {
        if (stats == null) {
            return "Totals: not available";
        }
        ServerStats.Totals t = stats.totals();
        Map<Integer, Long> refusals = stats.refusals();
        long uptime = Duration.between(stats.started(), Instant.now()).toSeconds();
        return String.format("Totals: %d sessions, %d KB sent (%d packets), %d KB received (%d packets) in %d s; "
                + "refusals: %s", t.sessions(), t.bytesSent() / 1024, t.packetsSent(), t.bytesReceived() / 1024,
                t.packetsReceived(), uptime, refusals.isEmpty() ? "none" : refusals.entrySet().stream()
                        .map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", ")));
    }
}
