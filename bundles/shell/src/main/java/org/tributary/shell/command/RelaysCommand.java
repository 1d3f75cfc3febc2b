package org.tributary.shell.command;

import java.util.Comparator;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tributary.api.Relay;
import org.tributary.api.RelayInfo;

/**
 * {@code stream:relays}: every configured relay with its origin (never its credentials), mode, state,
 * the failed attempts since it last pulled and the last error, so a relay that keeps failing shows.
 */
@Service
@Command(scope = "stream", name = "relays", description = "Lists the relays with their origin, state and failures")
public class RelaysCommand implements Action {

    @Reference(optional = true)
    List<Relay> relays;

    @Override
    public Object execute() {
        List<RelayInfo> infos = relays == null ? List.of() : relays.stream().map(Relay::info).toList();
        table(infos).print(System.out);
        return null;
    }

    /** @return the relays as a table, by path */
    static ShellTable table(List<RelayInfo> infos) {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Path", "Origin", "Mode", "State"}) {
            table.column(column);
        }
        table.column("Failures").alignRight();
        table.column("Last error");
        infos.stream().sorted(Comparator.comparing(RelayInfo::path)).forEach(r -> table.addRow()
                .addContent(r.path(), r.origin(), r.mode(), r.state(), r.failures(), r.lastError()));
        return table;
    }
}
