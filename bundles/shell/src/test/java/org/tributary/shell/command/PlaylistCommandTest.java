package org.tributary.shell.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.tributary.api.Programme;

public class PlaylistCommandTest {

    private final List<String> calls = new ArrayList<>();
    private boolean running = true;

    private final Programme channel = new Programme() {
        public String path() { return "channel1"; }
        public String current() { return running ? "/a.mp4" : ""; }
        public String next() { return "/b.mp4"; }
        public double position() { return 1; }
        public boolean running() { return running; }
        public void start() { calls.add("start"); running = true; }
        public void stop() { calls.add("stop"); running = false; }
        public void skip() {
            if (!running) {
                throw new IllegalStateException("playlist channel1 is not playing an item");
            }
            calls.add("skip");
        }
    };

    private void run(String action, String path, Output out) {
        PlaylistCommand command = new PlaylistCommand();
        command.programmes = List.of(channel);
        command.action = action;
        command.path = path;
        command.run(out.stream);
    }

    private String refusal(String action, String path) {
        return assertThrows(IllegalArgumentException.class, () -> run(action, path, new Output())).getMessage();
    }

    @Test
    public void stopsSkipsAndStartsThePlaylistNamed() {
        Output out = new Output();
        run("skip", "channel1", out);
        run("stop", "channel1", out);
        run("start", "channel1", out);
        assertEquals(List.of("skip", "stop", "start"), calls);
        assertTrue(out.text(), out.text().contains("Playlist channel1 skipped /a.mp4"));
    }

    @Test
    public void anUnknownPathOrActionOrAFailureIsAClearMessage() {
        assertEquals("No playlist nosuch (see stream:playlists)", refusal("stop", "nosuch"));
        assertEquals("Unknown action pause: use start, stop or skip", refusal("pause", "channel1"));
        running = false;
        assertEquals("Cannot skip playlist channel1: playlist channel1 is not playing an item",
                refusal("skip", "channel1"));
        assertEquals(List.of(), calls);
    }

    @Test
    public void theListShowsWhetherEachRuns() {
        running = false;
        PlaylistsCommand list = new PlaylistsCommand();
        list.programmes = List.of(channel);
        Output out = new Output();
        list.print(out.stream);
        assertTrue(out.text(), out.text().contains("Running") && out.text().contains("no"));
    }
}
