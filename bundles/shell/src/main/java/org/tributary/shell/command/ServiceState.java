package org.tributary.shell.command;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.tributary.api.ProtocolServer;

/** The service lines {@code stream:service status} and {@code stream:status} share: serving or not, and a refused configuration. */
final class ServiceState {

    private ServiceState() {
    }

    /** Prints one line per protocol server, and one more for each whose last configuration was refused. */
    static void print(List<ProtocolServer> servers, PrintStream out) {
        if (servers.isEmpty()) {
            out.println("Service: no streaming server installed");
        }
        for (ProtocolServer server : servers) {
            out.println("Service " + server.protocol() + ": " + (server.serving() ? "serving" : "STOPPED"));
        }
        Set<String> shown = new HashSet<>();
        for (ProtocolServer server : servers) {
            String error = server.configError();
            // RTSP and RTSPS share one configuration: its error is shown once
            if (error != null && !error.isEmpty() && shown.add(error)) {
                out.println("Configuration error (" + server.protocol() + "): " + error);
            }
        }
    }
}
