package org.tributary.shell.command.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.tributary.api.SessionRegistry;
import org.tributary.api.StreamSession;

/** Completes the ids of the open sessions. */
@Service
public class SessionIdCompleter implements Completer {

    @Reference
    SessionRegistry sessions;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (StreamSession s : sessions.sessions()) {
            delegate.getStrings().add(s.id());
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
