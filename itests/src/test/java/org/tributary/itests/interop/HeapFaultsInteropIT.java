package org.tributary.itests.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.interop.InterleavedViewers.Outcome;
import org.tributary.itests.support.ServerVitals;
import org.tributary.itests.support.ServerVitals.Vitals;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * The JVM's heap near its limit: a server started with {@value #HEAP} of heap gets {@value #VIEWERS}
 * interleaved viewers at once beside a bystander (all from 127.0.0.1, so the per-address cap is lifted; heap
 * after GC under this load measured 34 MB of 48): no OutOfMemoryError, every viewer plays to its BYE, the
 * bystander plays every packet and a new viewer the whole sample afterwards. The server has no heap-based
 * admission: with {@code -Xmx32m} the same load ends in OutOfMemoryErrors in Karaf's and Tributary's
 * threads and SETUPs never answered, so the heap must be sized for the sessions allowed.
 */
public class HeapFaultsInteropIT {

    private static final String HEAP = "-Xmx48m";
    private static final int VIEWERS = 300;

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution().withJvmOptions(HEAP)
            .withConfig("org.tributary.rtsp.cfg", Map.of("maxSessionsPerAddress", "0"));

    private static final Duration ENDS_WITHIN = Duration.ofSeconds(90);

    @Before
    public void needsFfmpeg() {
        Tools.require("ffmpeg");
    }

    @Test
    public void manyViewersOnASmallHeapPlayToTheEndAndServingGoesOn() throws IOException {
        String commandLine = Files.readString(Path.of("/proc", Long.toString(SERVER.pid()), "cmdline"),
                StandardCharsets.UTF_8).replace('\0', ' ');
        assertTrue("the server must run with " + HEAP + ": " + commandLine, commandLine.contains(HEAP));
        List<Outcome> ended;
        Vitals loaded;
        try (Bystander bystander = Bystander.start(SERVER, 20, "udp");
                InterleavedViewers viewers = InterleavedViewers.play(SERVER, "sample.mp4", VIEWERS);
                ServerVitals vitals = new ServerVitals(SERVER)) {
            loaded = vitals.sample();
            ended = viewers.awaitEnd(ENDS_WITHIN);
            bystander.assertPlayedEveryPacket();
        }
        Map<String, Long> ends = ended.stream().collect(Collectors.groupingBy(Outcome::end, Collectors.counting()));
        System.out.println(VIEWERS + " viewers on " + HEAP + " ended: " + ends + ", least video "
                + ended.stream().mapToDouble(Outcome::videoSeconds).min().orElse(0) + " s; under load " + loaded);
        String logs = SERVER.logText() + Files.readString(SERVER.home().resolve("console.log"));
        assertEquals("OutOfMemoryError in the server's logs" + SERVER.recentLog(), List.of(),
                logs.lines().filter(line -> line.contains("OutOfMemoryError")).limit(5).toList());
        PlaybackAssertions.assertPlaysEveryPacket(SERVER, "sample.mp4", "tcp");
        assertEquals("every viewer ended with BYE: " + ends, Map.of("bye", (long) VIEWERS), ends);
    }
}
