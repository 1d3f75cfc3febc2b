package org.tributary.itests.bench;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The benchmark's Markdown row and report file. */
public class BenchmarkResultTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private final BenchmarkResult result =
            new BenchmarkResult(100, 99, 98, 99000, 100000, 1.234, 5.678, 45.67, 321.4, 77, 12.34, 10.05);

    @Test
    public void formatsOneRow() {
        assertEquals(1.0, result.lossPercent(), 1e-9);
        assertEquals("| 100 | 99 | 98 | 99000/100000 | 1.000 | 1.23/5.68 | 45.7 | 321 | 77 | 12.3 | 10.1 |",
                result.markdownRow());
    }

    @Test
    public void writesTheHeaderOnlyIntoANewFile() throws Exception {
        Path report = folder.getRoot().toPath().resolve("target/benchmark.md");
        result.appendTo(report);
        result.appendTo(report);
        List<String> lines = Files.readAllLines(report);
        assertEquals(4, lines.size());
        assertEquals(BenchmarkResult.markdownHeader(), lines.subList(0, 2));
        assertEquals(result.markdownRow(), lines.get(3));
    }
}
