package org.tributary.shell.command;

import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.Test;
import org.tributary.api.ReceptionStats;
import org.tributary.api.StreamSession;

public class SessionsCommandTest {

    private static StreamSession session(String id) {
        return new StreamSession() {
            public String id() { return id; }
            public String protocol() { return "RTSP"; }
            public String clientAddress() { return "127.0.0.1:5000"; }
            public String path() { return "/sample.mp4"; }
            public String state() { return "PLAYING"; }
            public String transport() { return "RTP/AVP/UDP"; }
            public Instant created() { return Instant.now(); }
            public long bytesSent() { return 4096; }
            public long packetsSent() { return 42; }
            public ReceptionStats reception() { return new ReceptionStats(3, 7, 0.01, 2.5, 1.25, 0.75); }
            public void close() { }
        };
    }

    @Test
    public void tableShowsEverySessionWithItsCounters() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SessionsCommand.table(List.of(session("abc12345"))).print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text, text.contains("abc12345"));
        assertTrue(text, text.contains("/sample.mp4"));
        assertTrue(text, text.contains("PLAYING"));
        assertTrue(text, text.contains("42"));
        assertTrue(text, text.contains("2.5"));
        assertTrue("loss percent", text.contains("1.3") || text.contains("1.2"));
        assertTrue("round trip", text.contains("0.8"));
        assertTrue(text, text.contains("Loss %") && text.contains("RTT ms"));
    }
}
