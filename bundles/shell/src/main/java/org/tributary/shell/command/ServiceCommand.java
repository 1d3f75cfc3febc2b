package org.tributary.shell.command;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.tributary.api.ProtocolServer;

/**
 * {@code stream:service start|stop|status}: QTSS's Start/Stop Service. Stopping closes the streaming
 * ports (RTSP, RTSPS and the MP3 streams they carry) and ends every session and connection; Karaf and
 * its console keep running. Starting binds the configured ports again.
 */
@Service
@Command(scope = "stream", name = "service",
        description = "Stops or starts the streaming service (the RTSP, RTSPS and MP3 ports) without stopping Karaf, "
                + "or shows whether it serves")
public class ServiceCommand implements Action {

    @Argument(index = 0, name = "action", description = "start, stop or status (the default)")
    @Completion(value = StringsCompleter.class, values = {"start", "stop", "status"})
    String action = "status";

    @Reference(optional = true)
    List<ProtocolServer> servers;

    @Override
    public Object execute() throws CommandException {
        run(System.out);
        return null;
    }

    void run(PrintStream out) throws CommandException {
        List<ProtocolServer> all = servers == null ? List.of() : servers;
        switch (action) {
            case "start", "stop" -> {
                boolean on = "start".equals(action);
                Set<String> done = new LinkedHashSet<>();
                for (ProtocolServer server : all) {
                    try {
                        server.serve(on);
                        done.add(server.protocol());
                    } catch (UnsupportedOperationException e) {
                        out.println(e.getMessage());
                    }
                }
                if (done.isEmpty()) {
                    throw new CommandException("no streaming server to " + action + " (is tributary-rtsp installed?)");
                }
                out.println("Service " + (on ? "started: " : "stopped: ") + String.join(", ", done)
                        + (on ? " ports bound again" : " ports closed, sessions ended"));
            }
            case "status" -> ServiceState.print(all, out);
            default -> throw new CommandException("unknown action '" + action + "': use start, stop or status");
        }
    }
}
