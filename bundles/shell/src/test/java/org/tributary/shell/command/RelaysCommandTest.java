package org.tributary.shell.command;

import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;
import org.tributary.api.RelayInfo;

public class RelaysCommandTest {

    @Test
    public void showsEachRelaysStateFailuresAndLastError() {
        RelayInfo failing = new RelayInfo("/live/edge1", "rtsp://127.0.0.1:9/live/cam1", "always-on", "FAILING", 7,
                "connection refused");
        RelayInfo idle = new RelayInfo("/live/edge2", "rtsp://origin:554/x", "on-demand", "IDLE", 0, "");
        Output out = new Output();
        RelaysCommand.table(List.of(idle, failing)).print(out.stream);
        String text = out.text();
        for (String expected : List.of("/live/edge1", "rtsp://127.0.0.1:9/live/cam1", "always-on", "FAILING", "7",
                "connection refused", "/live/edge2", "on-demand", "IDLE", "Last error")) {
            assertTrue(expected + " in\n" + text, text.contains(expected));
        }
        assertTrue("sorted by path\n" + text, text.indexOf("/live/edge1") < text.indexOf("/live/edge2"));
    }
}
