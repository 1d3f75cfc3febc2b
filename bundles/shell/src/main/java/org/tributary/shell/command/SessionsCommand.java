package org.tributary.shell.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tributary.api.ReceptionStats;
import org.tributary.api.SessionRegistry;
import org.tributary.api.StreamSession;

/**
 * {@code stream:sessions}: every open session with its kind (viewer, publisher, listener), user, transport,
 * counters (media sent, or received from a publisher) and client reports.
 */
@Service
@Command(scope = "stream", name = "sessions", description = "Lists the open streaming sessions")
public class SessionsCommand implements Action {

    @Reference
    SessionRegistry sessions;

    @Override
    public Object execute() {
        table(sessions.sessions()).print(System.out);
        return null;
    }

    static ShellTable table(List<StreamSession> list) {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Proto");
        table.column("Client");
        table.column("Path");
        table.column("State");
        table.column("Kind");
        table.column("User");
        table.column("Transport");
        table.column("Age").alignRight();
        table.column("Packets").alignRight();
        table.column("KBytes").alignRight();
        table.column("Lost").alignRight();
        table.column("Loss %").alignRight();
        table.column("Jitter ms").alignRight();
        table.column("RTT ms").alignRight();
        Instant now = Instant.now();
        for (StreamSession s : list) {
            ReceptionStats r = s.reception();
            // a session either sends (viewer, listener) or receives (publisher): its one media direction
            table.addRow().addContent(s.id(), s.protocol(), s.clientAddress(), s.path(), s.state(), s.kind(),
                    s.userName().isEmpty() ? "-" : s.userName(), s.transport(),
                    Duration.between(s.created(), now).toSeconds() + "s", s.packetsSent() + s.packetsReceived(),
                    (s.bytesSent() + s.bytesReceived()) / 1024,
                    r.reports() == 0 ? "-" : String.valueOf(r.cumulativeLost()),
                    r.reports() == 0 ? "-" : String.format("%.1f", r.lossPercent()),
                    r.reports() == 0 || Double.isNaN(r.jitterMillis()) ? "-" : String.format("%.1f", r.jitterMillis()),
                    Double.isNaN(r.roundTripMillis()) ? "-" : String.format("%.1f", r.roundTripMillis()));
        }
        return table;
    }
}
