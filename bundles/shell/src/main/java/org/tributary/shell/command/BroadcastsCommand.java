package org.tributary.shell.command;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tributary.api.BroadcastInfo;
import org.tributary.api.LiveSource;

/**
 * {@code stream:broadcasts}: the live paths with their publisher, codecs, bit rate, viewers and
 * uptime. {@code stream:kick} ends a publisher (or a viewer) by its session id from stream:sessions.
 */
@Service
@Command(scope = "stream", name = "broadcasts", description = "Lists the live broadcasts being published")
public class BroadcastsCommand implements Action {

    @Reference(optional = true)
    List<LiveSource> sources;

    @Override
    public Object execute() {
        print(System.out, Instant.now());
        return null;
    }

    void print(PrintStream out, Instant now) {
        ShellTable table = new ShellTable();
        table.column("Path");
        table.column("Publisher");
        table.column("Codecs");
        table.column("kbit/s").alignRight();
        table.column("Viewers").alignRight();
        table.column("Uptime").alignRight();
        table.column("Dropped").alignRight();
        if (sources != null) {
            for (LiveSource source : sources) {
                for (BroadcastInfo b : source.broadcasts()) {
                    long seconds = Math.max(1, Duration.between(b.started(), now).toSeconds());
                    table.addRow().addContent(b.path(), b.publisher(), String.join(", ", b.encodings()),
                            b.bytesIn() * 8 / 1000 / seconds, b.viewers(), uptime(seconds), b.dropped());
                }
            }
        }
        table.print(out);
    }

    static String uptime(long seconds) {
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
