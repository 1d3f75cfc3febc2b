package org.tributary.shell.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import org.junit.Test;
import org.tributary.api.Endpoint;
import org.tributary.api.MediaItem;
import org.tributary.api.MediaLibrary;
import org.tributary.api.ProtocolServer;

public class MediaCommandTest {

    private static final MediaItem MOVIE = new MediaItem("films/a b.mp4", 600_000, Instant.EPOCH, 10.2,
            List.of("H264", "MPEG4-GENERIC"), 470_000, "");
    private static final MediaItem BROKEN = new MediaItem("broken.mov", 20, Instant.EPOCH, 0, List.of(), 0,
            "broken.mov: no moov box");

    private static ProtocolServer rtsp(String address, int port) {
        return new ProtocolServer() {
            public String protocol() { return "RTSP"; }
            public List<Endpoint> endpoints() { return List.of(new Endpoint(address, port, true, "")); }
        };
    }

    @Test
    public void listsEachFileWithDurationCodecsBitRateSizeUrlAndProblem() {
        MediaCommand command = new MediaCommand();
        command.library = new MediaLibrary() {
            public List<MediaItem> list() { return List.of(BROKEN, MOVIE); }
            public long maxUploadBytes() { return 0; }
            public MediaItem store(String name, InputStream data) { throw new UnsupportedOperationException(); }
            public void delete(String name) { throw new UnsupportedOperationException(); }
        };
        command.servers = List.of(rtsp("0.0.0.0", 8554));
        Output out = new Output();
        command.print(out.stream, "streams.example.net");
        String text = out.text();

        for (String expected : List.of("films/a b.mp4", "0:00:10", "H264, MPEG4-GENERIC", "470", "585.9 kB",
                "rtsp://streams.example.net:8554/films/a%20b.mp4", "broken.mov: no moov box", "Problem")) {
            assertTrue(expected + " in\n" + text, text.contains(expected));
        }
        assertFalse("no URL for a file that cannot play\n" + text, text.contains("/broken.mov"));
    }

    @Test
    public void urlsNameTheBoundAddressUnlessItIsAWildcard() {
        assertEquals("rtsp://127.0.0.2:554/x.mp4", MediaCommand.url(new Endpoint("127.0.0.2", 554, true, ""), "h", "x.mp4"));
        assertEquals("rtsp://h:554/x.mp4", MediaCommand.url(new Endpoint("::", 554, true, ""), "h", "x.mp4"));
        assertEquals("1.5 MB", MediaCommand.size(1536 * 1024));
    }
}
