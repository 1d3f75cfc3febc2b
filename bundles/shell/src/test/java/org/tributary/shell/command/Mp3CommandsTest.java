package org.tributary.shell.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.junit.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.tributary.api.station.StationDirectory;
import org.tributary.api.station.StationInfo;

public class Mp3CommandsTest {

    private final Hashtable<String, Object> stored = new Hashtable<>(java.util.Map.of("metaInterval", "8000"));
    private Dictionary<String, Object> updated;

    private ConfigurationAdmin admin() {
        Configuration configuration = (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Configuration.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getProperties": return stored;
                        case "update": updated = cast(args[0]); return null;
                        default: throw new UnsupportedOperationException(method.getName());
                    }
                });
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                    assertEquals("getConfiguration", method.getName());
                    assertEquals("org.tributary.mp3", args[0]);
                    return configuration;
                });
    }

    @SuppressWarnings("unchecked")
    private static Dictionary<String, Object> cast(Object value) {
        return (Dictionary<String, Object>) value;
    }

    private static PasswordPrompt script(String... answers) {
        Deque<String> queue = new ArrayDeque<>(Arrays.asList(answers));
        return prompt -> queue.poll();
    }

    @Test
    public void setsTheSourcePasswordTypedTwiceWithoutShowingIt() throws Exception {
        Mp3PasswordCommand command = new Mp3PasswordCommand();
        command.configurationAdmin = admin();
        Output out = new Output();
        command.run(script("on-air", "on-air"), out.stream);
        assertEquals("on-air", updated.get("sourcePassword"));
        assertEquals("8000", updated.get("metaInterval"));
        assertFalse(out.text().contains("on-air"));
        assertTrue(out.text(), out.text().contains("sourcePassword"));
    }

    @Test
    public void setsTheAdminPasswordWithTheOption() throws Exception {
        Mp3PasswordCommand command = new Mp3PasswordCommand();
        command.configurationAdmin = admin();
        command.admin = true;
        command.run(script("boss", "boss"), new Output().stream);
        assertEquals("boss", updated.get("adminPassword"));
        assertNull(updated.get("sourcePassword"));
    }

    @Test
    public void aGivenPasswordNeedsNoConsole() throws Exception {
        Mp3PasswordCommand command = new Mp3PasswordCommand();
        command.configurationAdmin = admin();
        command.run(PasswordPrompt.givenOr("scripted", null), new Output().stream);
        assertEquals("scripted", updated.get("sourcePassword"));
    }

    @Test
    public void differentOrEmptyPasswordsChangeNothing() {
        Mp3PasswordCommand command = new Mp3PasswordCommand();
        command.configurationAdmin = admin();
        assertThrows(CommandException.class, () -> command.run(script("a", "b"), new Output().stream));
        assertThrows(CommandException.class, () -> command.run(script(""), new Output().stream));
        assertThrows(CommandException.class, () -> command.run(script(), new Output().stream));
        assertNull(updated);
    }

    @Test
    public void listsStationsWithSourceFormatBitrateListenersTitleAndUptime() {
        Instant started = Instant.parse("2026-01-01T10:00:00Z");
        StationDirectory directory = () -> List.of(new StationInfo("/radio", "127.0.0.1:40000",
                "MPEG-1 Layer III 44100 Hz stereo", 128000, 7, "Tone", started));
        StationsCommand command = new StationsCommand();
        command.directories = List.of(directory);
        Output out = new Output();
        command.print(out.stream, started.plusSeconds(75));
        for (String expected : List.of("/radio", "127.0.0.1:40000", "MPEG-1 Layer III", "128", "7", "Tone", "0:01:15")) {
            assertTrue(expected + " in\n" + out.text(), out.text().contains(expected));
        }
    }
}
