package org.tributary.itests.support;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Editing Karaf .cfg files: replace in place, append the rest, leave comments alone. */
public class CfgFileTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void replacesExistingKeysAndAppendsMissingOnes() throws Exception {
        Path cfg = folder.getRoot().toPath().resolve("org.tributary.rtsp.cfg");
        Files.write(cfg, List.of("# ports = 1", "ports = 554,7070", "bindAddress=0.0.0.0", "sessionTimeout: 60"));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ports", "40000");
        values.put("bindAddress", "127.0.0.1");
        values.put("rtpPortMin", "20000");
        CfgFile.put(cfg, values);
        assertEquals(List.of("# ports = 1", "ports = 40000", "bindAddress = 127.0.0.1", "sessionTimeout: 60",
                "rtpPortMin = 20000"), Files.readAllLines(cfg));
    }

    @Test
    public void createsAMissingFile() throws Exception {
        Path cfg = folder.getRoot().toPath().resolve("etc/new.cfg");
        CfgFile.put(cfg, Map.of("sshPort", "8102"));
        assertEquals(List.of("sshPort = 8102"), Files.readAllLines(cfg));
    }
}
