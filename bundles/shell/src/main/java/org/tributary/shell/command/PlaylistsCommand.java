package org.tributary.shell.command;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tributary.api.Programme;

/**
 * {@code stream:playlists}: every playlist broadcast, whether it runs, the item on now, how far it is, and
 * the next one. {@code stream:playlist} starts, stops and skips them.
 */
@Service
@Command(scope = "stream", name = "playlists", description = "Shows what each playlist broadcast plays now and next")
public class PlaylistsCommand implements Action {

    @Reference(optional = true)
    List<Programme> programmes;

    @Override
    public Object execute() {
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Path");
        table.column("Running");
        table.column("Now");
        table.column("Position").alignRight();
        table.column("Next");
        if (programmes != null) {
            for (Programme p : programmes) {
                table.addRow().addContent(p.path(), p.running() ? "yes" : "no", p.current(), String.format("%.0fs", p.position()), p.next());
            }
        }
        table.print(out);
    }
}
