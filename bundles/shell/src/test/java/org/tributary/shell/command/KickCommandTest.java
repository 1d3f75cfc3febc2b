package org.tributary.shell.command;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.Test;
import org.tributary.api.SessionRegistry;
import org.tributary.api.StreamSession;

public class KickCommandTest {

    @Test
    public void anUnknownIdSaysWhereToLook() {
        KickCommand command = new KickCommand();
        command.id = "NOSUCHID";
        command.sessions = new SessionRegistry() {
            public void add(StreamSession session) { }
            public void remove(StreamSession session) { }
            public List<StreamSession> sessions() { return List.of(); }
            public Optional<StreamSession> find(String id) { return Optional.empty(); }
        };
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            command.execute();
        } finally {
            System.setOut(out);
        }
        assertEquals("No session NOSUCHID; see stream:sessions", bytes.toString(StandardCharsets.UTF_8).strip());
    }
}
