package org.tributary.shell.command;

import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.Test;
import org.tributary.api.Programme;

public class PlaylistsCommandTest {

    @Test
    public void showsTheItemOnNowAndNext() {
        Programme channel = new Programme() {
            public String path() { return "channel1"; }
            public String current() { return "/sample.mp4"; }
            public String next() { return "/sample.mov"; }
            public double position() { return 4.2; }
        };
        PlaylistsCommand command = new PlaylistsCommand();
        command.programmes = List.of(channel);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        command.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        for (String expected : List.of("channel1", "/sample.mp4", "4s", "/sample.mov")) {
            assertTrue(expected + " in\n" + text, text.contains(expected));
        }
    }
}
