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
import org.tributary.api.station.StationDirectory;
import org.tributary.api.station.StationInfo;

/**
 * {@code stream:stations}: the MP3 stations on air with their source, format, bit rate, listeners, title and
 * uptime. Their listeners are in stream:sessions and stream:kick ends one.
 */
@Service
@Command(scope = "stream", name = "stations", description = "Lists the MP3 broadcast stations on air")
public class StationsCommand implements Action {

    @Reference(optional = true)
    List<StationDirectory> directories;

    @Override
    public Object execute() {
        print(System.out, Instant.now());
        return null;
    }

    void print(PrintStream out, Instant now) {
        ShellTable table = new ShellTable();
        table.column("Mount");
        table.column("Source");
        table.column("Format");
        table.column("kbit/s").alignRight();
        table.column("Listeners").alignRight();
        table.column("Title");
        table.column("Uptime").alignRight();
        if (directories != null) {
            for (StationDirectory directory : directories) {
                for (StationInfo s : directory.stations()) {
                    long seconds = Math.max(0, Duration.between(s.started(), now).toSeconds());
                    table.addRow().addContent(s.mount(), s.sourceAddress(), s.format(), s.bitrate() / 1000,
                            s.listeners(), s.title(), BroadcastsCommand.uptime(seconds));
                }
            }
        }
        table.print(out);
    }
}
