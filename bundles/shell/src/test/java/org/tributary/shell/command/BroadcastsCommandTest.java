package org.tributary.shell.command;

import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.Test;
import org.tributary.api.BroadcastInfo;
import org.tributary.api.LiveSource;
import org.tributary.api.MediaPresentation;
import org.tributary.api.Publication;

public class BroadcastsCommandTest {

    @Test
    public void listsPathPublisherCodecsBitrateViewersAndUptime() {
        Instant started = Instant.parse("2026-01-01T10:00:00Z");
        BroadcastInfo cam = new BroadcastInfo("/live/cam1", "192.0.2.7:5000", started,
                List.of("H264/90000", "MPEG4-GENERIC/48000/2"), 1000, 2_500_000, 3, 42);
        LiveSource source = new LiveSource() {
            public Publication publish(String path, String sdp, String publisher) { throw new IllegalStateException(); }
            public List<BroadcastInfo> broadcasts() { return List.of(cam); }
            public String description() { return "live"; }
            public MediaPresentation open(String path) { throw new IllegalStateException(); }
        };
        BroadcastsCommand command = new BroadcastsCommand();
        command.sources = List.of(source);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        command.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), started.plusSeconds(10));
        String text = bytes.toString(StandardCharsets.UTF_8);
        for (String expected : List.of("/live/cam1", "192.0.2.7:5000", "H264/90000, MPEG4-GENERIC/48000/2",
                "2000", "42", "0:00:10")) {
            assertTrue(expected + " in\n" + text, text.contains(expected));
        }
    }
}
