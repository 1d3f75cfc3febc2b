package org.tributary.shell.command;

import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tributary.api.SessionRegistry;
import org.tributary.api.StreamSession;
import org.tributary.shell.command.completers.SessionIdCompleter;

/** {@code stream:kick ID}: ends one session; the client is told (RTCP BYE, connection closed). */
@Service
@Command(scope = "stream", name = "kick", description = "Ends a streaming session")
public class KickCommand implements Action {

    @Argument(index = 0, name = "id", description = "The session id (see stream:sessions)", required = true)
    @Completion(SessionIdCompleter.class)
    String id;

    @Reference
    SessionRegistry sessions;

    @Override
    public Object execute() {
        Optional<StreamSession> session = sessions.find(id);
        if (session.isEmpty()) {
            // on stdout: what a command writes to System.err never reaches bin/client
            System.out.println("No session " + id + "; see stream:sessions");
            return null;
        }
        session.get().close();
        System.out.println("Ended session " + id + " of " + session.get().clientAddress());
        return null;
    }
}
