package org.tributary.shell.command.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.tributary.api.Programme;

/** Completes the paths of the playlist broadcasts. */
@Service
public class PlaylistPathCompleter implements Completer {

    @Reference(optional = true)
    List<Programme> programmes;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        if (programmes != null) {
            programmes.forEach(p -> delegate.getStrings().add(p.path()));
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
