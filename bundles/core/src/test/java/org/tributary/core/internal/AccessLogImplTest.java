package org.tributary.core.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

public class AccessLogImplTest {

    @Test
    public void everyEndedSessionIsOneLineNewestFirstAndTheLastFiveHundredAreKept() {
        SessionRegistryImpl registry = new SessionRegistryImpl();
        AccessLogImpl log = new AccessLogImpl();
        registry.addListener(log);
        for (int i = 0; i < AccessLogImpl.KEPT + 20; i++) {
            FakeSession s = new FakeSession("S" + i);
            s.path = "/movie" + i + ".mp4";
            registry.add(s);
            registry.remove(s);
        }
        List<String> recent = log.recent(1000);
        assertEquals(AccessLogImpl.KEPT, recent.size());
        assertTrue(recent.get(0), recent.get(0).contains("/movie519.mp4"));
        assertTrue(recent.get(AccessLogImpl.KEPT - 1).contains("/movie20.mp4"));
        assertEquals(2, log.recent(2).size());
        assertEquals(W3cLine.FIELDS_LINE, log.fields());
    }

    /** The log file's header is written by pax-logging from etc/: it must name the columns the lines have. */
    @Test
    public void theShippedLoggingConfigurationNamesTheSameFields() throws IOException {
        Path cfg = Path.of("../../etc/org.ops4j.pax.logging.cfg");
        String text = Files.readString(cfg);
        assertTrue("the access log's header in " + cfg, text.contains(W3cLine.FIELDS_LINE + "%n"));
        assertTrue(text.contains("log4j2.logger.access.name = " + AccessLogImpl.LOGGER));
    }

    @Test
    public void theFileIsTheLoggingConfigurationsWithItsSystemPropertiesReplaced() {
        System.setProperty("tributary.test.logs", "/var/log/x");
        try {
            assertEquals("/var/log/x/tributary-access.log",
                    AccessLogImpl.withSystemProperties("${tributary.test.logs}/tributary-access.log"));
            assertEquals("/plain.log", AccessLogImpl.withSystemProperties("/plain.log"));
            assertEquals("/a.log", AccessLogImpl.withSystemProperties("${tributary.test.none}/a.log"));
        } finally {
            System.clearProperty("tributary.test.logs");
        }
        assertEquals(null, AccessLogImpl.configuredFile(null));
    }
}
