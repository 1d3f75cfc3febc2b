package org.tributary.shell.command.completers;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.tributary.api.Programme;

public class PlaylistPathCompleterTest {

    private static Programme named(String path) {
        return new Programme() {
            public String path() { return path; }
            public String current() { return ""; }
            public String next() { return ""; }
            public double position() { return 0; }
        };
    }

    @Test
    public void completesThePlaylistPaths() {
        PlaylistPathCompleter completer = new PlaylistPathCompleter();
        completer.programmes = List.of(named("channel1"), named("news"));
        List<String> candidates = new ArrayList<>();
        completer.complete(null, UserStoreNamesCompleterTest.typed("stream:playlist", "skip", "ch"), candidates);
        assertEquals(List.of("channel1"), candidates.stream().map(String::strip).toList());
    }
}
