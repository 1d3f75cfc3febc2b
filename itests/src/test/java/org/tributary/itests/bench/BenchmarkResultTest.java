package org.tributary.itests.bench;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.tributary.itests.support.RtpHeader;

/** The benchmark's Markdown row and report file. */
public class BenchmarkResultTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private final BenchmarkResult result =
            new BenchmarkResult(100, 99, 98, 99000, 100000, new BenchmarkResult.Jitter(0.123, 0.456),
                    new BenchmarkResult.Jitter(1.234, 5.678), 45.67, 321.4, 77, 12.34, 10.05);

    @Test
    public void formatsOneRow() {
        assertEquals(1.0, result.lossPercent(), 1e-9);
        assertEquals("| 100 | 99 | 98 | 99000/100000 | 1.000 | 0.12/0.46 | 1.23/5.68 | 45.7 | 321 | 77 | 12.3 | 10.1 |",
                result.markdownRow());
    }

    @Test
    public void summarizesJitterPerMediaKind() {
        RtpStreamStats audio = new RtpStreamStats("audio", 1000);
        audio.onPacket(new RtpHeader(97, false, 1, 0, 1, 10), 22, 0);
        audio.onPacket(new RtpHeader(97, false, 2, 20, 1, 10), 22, 36_000_000L); // 16 ms late: J = 1 ms
        RtpStreamStats quietAudio = new RtpStreamStats("audio", 1000);
        RtpStreamStats video = new RtpStreamStats("video", 90000);
        assertEquals(new BenchmarkResult.Jitter(0.5, 1.0),
                BenchmarkResult.Jitter.of(List.of(audio, quietAudio, video), "audio"));
        assertEquals(new BenchmarkResult.Jitter(0, 0), BenchmarkResult.Jitter.of(List.of(audio), "video"));
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
