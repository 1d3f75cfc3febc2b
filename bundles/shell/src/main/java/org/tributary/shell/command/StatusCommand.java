package org.tributary.shell.command;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tributary.api.Endpoint;
import org.tributary.api.MountRegistry;
import org.tributary.api.ProtocolServer;
import org.tributary.api.ServerStats;
import org.tributary.api.SessionRegistry;

/** {@code stream:status}: the listening ports, the mounts (media folder) and the open sessions. */
@Service
@Command(scope = "stream", name = "status", description = "Shows the server's ports, media mounts and open sessions")
public class StatusCommand implements Action {

    @Reference(optional = true)
    List<ProtocolServer> servers;

    @Reference
    MountRegistry mounts;

    @Reference
    SessionRegistry sessions;

    @Reference(optional = true)
    ServerStats stats;

    @Override
    public Object execute() {
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        ServiceState.print(servers == null ? List.of() : servers, out);
        ShellTable ports = new ShellTable();
        ports.column("Protocol");
        ports.column("Address");
        ports.column("Port").alignRight();
        ports.column("State");
        if (servers != null) {
            for (ProtocolServer server : servers) {
                for (Endpoint e : server.endpoints()) {
                    ports.addRow().addContent(server.protocol(), e.address(), e.port(),
                            e.bound() ? "serving" : "NOT BOUND: " + e.error());
                }
            }
        }
        out.println("Listeners:");
        ports.print(out);
        ShellTable mountTable = new ShellTable();
        mountTable.column("Mount");
        mountTable.column("Source");
        for (Map.Entry<String, String> m : mounts.mounts().entrySet()) {
            mountTable.addRow().addContent(m.getKey(), m.getValue());
        }
        out.println();
        out.println("Mounts:");
        mountTable.print(out);
        out.println();
        out.println("Sessions: " + sessions.sessions().size() + " open");
        out.println(ServerTotals.line(stats));
        SessionsCommand.table(sessions.sessions()).print(out);
    }
}
