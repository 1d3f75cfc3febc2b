package org.tributary.shell.command;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.tributary.api.Programme;
import org.tributary.shell.command.completers.PlaylistPathCompleter;

/**
 * {@code stream:playlist start|stop|skip PATH}: stops a playlist broadcast (its viewers get the end),
 * starts it again from its first item, or skips to its next item now.
 */
@Service
@Command(scope = "stream", name = "playlist", description = "Starts, stops or skips a playlist broadcast")
public class PlaylistCommand implements Action {

    @Argument(index = 0, name = "action", description = "start, stop or skip", required = true)
    @Completion(value = StringsCompleter.class, values = {"start", "stop", "skip"})
    String action;

    @Argument(index = 1, name = "path", description = "The playlist's path (see stream:playlists)", required = true)
    @Completion(PlaylistPathCompleter.class)
    String path;

    @Reference(optional = true)
    List<Programme> programmes;

    @Override
    public Object execute() {
        run(System.out);
        return null;
    }

    /**
     * Does the action and says so.
     *
     * @throws IllegalArgumentException naming what went wrong (the shell prints it, also through bin/client,
     *                                  and a script sees the failure)
     */
    void run(PrintStream out) {
        Optional<Programme> programme = programmes == null ? Optional.empty()
                : programmes.stream().filter(p -> p.path().equals(path)).findFirst();
        if (programme.isEmpty()) {
            throw new IllegalArgumentException("No playlist " + path + " (see stream:playlists)");
        }
        Programme p = programme.get();
        try {
            switch (action) {
                case "start" -> {
                    p.start();
                    out.println("Playlist " + path + " started");
                }
                case "stop" -> {
                    p.stop();
                    out.println("Playlist " + path + " stopped");
                }
                case "skip" -> {
                    String skipped = p.current();
                    p.skip();
                    out.println("Playlist " + path + " skipped " + skipped);
                }
                default -> throw new IllegalArgumentException("Unknown action " + action + ": use start, stop or skip");
            }
        } catch (IllegalStateException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("Cannot " + action + " playlist " + path + ": " + e.getMessage(), e);
        }
    }
}
