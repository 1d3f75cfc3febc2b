package org.tributary.shell.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.junit.Test;
import org.tributary.api.Endpoint;
import org.tributary.api.ProtocolServer;

public class ServiceCommandTest {

    /** A server that can be stopped, with a configuration error to show. */
    private static final class FakeServer implements ProtocolServer {
        final String protocol;
        final boolean stoppable;
        boolean serving = true;
        String error = "";

        FakeServer(String protocol, boolean stoppable) {
            this.protocol = protocol;
            this.stoppable = stoppable;
        }

        @Override
        public String protocol() {
            return protocol;
        }

        @Override
        public List<Endpoint> endpoints() {
            return List.of();
        }

        @Override
        public boolean serving() {
            return serving;
        }

        @Override
        public void serve(boolean on) {
            if (!stoppable) {
                ProtocolServer.super.serve(on);
            }
            serving = on;
        }

        @Override
        public String configError() {
            return error;
        }
    }

    private final FakeServer server = new FakeServer("RTSP", true);
    private final Output out = new Output();

    private ServiceCommand command(String action) {
        ServiceCommand command = new ServiceCommand();
        command.action = action;
        command.servers = List.of(server);
        return command;
    }

    @Test
    public void stopAndStartSwitchTheServer() throws Exception {
        command("stop").run(out.stream);
        assertFalse(server.serving);
        command("start").run(out.stream);
        assertTrue(server.serving);
        assertEquals("Service stopped: RTSP ports closed, sessions ended" + System.lineSeparator()
                + "Service started: RTSP ports bound again" + System.lineSeparator(), out.text());
    }

    @Test
    public void statusShowsTheStateAndARefusedConfigurationOnce() throws Exception {
        server.serving = false;
        server.error = "ports: 70000 is outside 1-65535";
        ServiceCommand command = command("status");
        command.servers = List.of(server, server);
        command.run(out.stream);
        String n = System.lineSeparator();
        assertEquals("Service RTSP: STOPPED" + n + "Service RTSP: STOPPED" + n
                + "Configuration error (RTSP): ports: 70000 is outside 1-65535" + n, out.text());
    }

    @Test
    public void aServerThatCannotStopOnItsOwnIsNamed() {
        ServiceCommand command = command("stop");
        command.servers = List.of(new FakeServer("HTTP", false));
        CommandException e = assertThrows(CommandException.class, () -> command.run(out.stream));
        assertTrue(e.getMessage(), e.getMessage().startsWith("no streaming server to stop"));
        assertEquals("HTTP cannot be stopped on its own" + System.lineSeparator(), out.text());
    }

    @Test
    public void anUnknownActionIsRefusedWithTheChoices() {
        CommandException e = assertThrows(CommandException.class, () -> command("restart").run(out.stream));
        assertEquals("unknown action 'restart': use start, stop or status", e.getMessage());
    }
}
