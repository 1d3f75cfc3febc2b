package org.tributary.shell.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.tributary.api.AccessLog;
import org.tributary.api.ServerStats;

public class LogCommandTest {

    @Test
    public void theFieldsLineComesFirstThenTheNewestLinesOldestFirst() {
        LogCommand command = new LogCommand();
        command.lines = 2;
        command.log = new AccessLog() {
            public String fields() { return "#Fields: c-ip date"; }
            public List<String> recent(int max) { return List.of("c 3", "b 2", "a 1").subList(0, Math.min(3, max)); }
        };
        Output out = new Output();
        command.print(out.stream);
        assertEquals(List.of("#Fields: c-ip date", "b 2", "c 3"), out.text().lines().toList());
    }

    @Test
    public void withoutTheServiceItSaysSo() {
        Output out = new Output();
        new LogCommand().print(out.stream);
        assertTrue(out.text(), out.text().contains("not available"));
    }

    @Test
    public void statusTotalsAreOneLineWithTheRefusalsByStatus() {
        ServerStats stats = new ServerStats() {
            public Instant started() { return Instant.now().minusSeconds(60); }
            public void refused(String protocol, int status) { }
            public Map<Integer, Long> refusals() { return Map.of(401, 2L, 404, 1L); }
            public Totals totals() { return new Totals(7, 10 * 1024, 30, 2048, 4); }
        };
        String line = ServerTotals.line(stats);
        assertTrue(line, line.startsWith("Totals: 7 sessions, 10 KB sent (30 packets), 2 KB received (4 packets)"));
        assertTrue(line, line.contains("refusals: 401 x2, 404 x1") || line.contains("refusals: 404 x1, 401 x2"));
        assertEquals("Totals: not available", ServerTotals.line(null));
    }
}
