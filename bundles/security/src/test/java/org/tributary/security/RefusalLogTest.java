package org.tributary.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

public class RefusalLogTest {

    private static final long INTERVAL = TimeUnit.SECONDS.toNanos(10);

    private final RecordingLogger logger = new RecordingLogger();
    private long now = 1_000_000_000L;
    private final RefusalLog log = new RefusalLog(logger.logger, INTERVAL, 3, () -> now);

    @Test
    public void logsTheFirstRefusalOfASourceAndCountsTheRestUntilTheIntervalEnds() throws Exception {
        InetAddress attacker = InetAddress.getByName("127.0.0.2");
        for (int i = 0; i < 1000; i++) {
            log.info(attacker, "Denied {} to {}", "READ /movie.mp4", attacker.getHostAddress());
            now += TimeUnit.MILLISECONDS.toNanos(5);
        }
        assertEquals(List.of("INFO Denied READ /movie.mp4 to 127.0.0.2"), logger.lines);

        now += INTERVAL;
        log.info(attacker, "Denied {} to {}", "READ /other.mp4", attacker.getHostAddress());
        assertEquals(2, logger.lines.size());
        assertEquals("INFO Denied READ /other.mp4 to 127.0.0.2 (999 more like this from 127.0.0.2 in the last 15 s)",
                logger.lines.get(1));
    }

    @Test
    public void aSecondLineComesOnlyAfterTheInterval() {
        log.warn("10.0.0.1", "Malformed Authorization from {}", "10.0.0.1");
        now += INTERVAL - 1;
        log.warn("10.0.0.1", "Malformed Authorization from {}", "10.0.0.1");
        assertEquals(1, logger.lines.size());
        now += 1;
        log.warn("10.0.0.1", "Malformed Authorization from {}", "10.0.0.1");
        assertEquals("WARN Malformed Authorization from 10.0.0.1 (1 more like this from 10.0.0.1 in the last 10 s)",
                logger.lines.get(1));
        now += INTERVAL;
        log.warn("10.0.0.1", "Malformed Authorization from {}", "10.0.0.1");
        assertEquals("nothing suppressed, no count", "WARN Malformed Authorization from 10.0.0.1", logger.lines.get(2));
    }

    @Test
    public void sourcesAndClassesAreCountedApart() throws Exception {
        log.info(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 4000), "Denied {}", "a");
        log.info(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 4001), "Denied {}", "b");
        log.info(InetAddress.getByName("127.0.0.3"), "Denied {}", "c");
        log.info(InetAddress.getByName("127.0.0.2"), "Blocked {}", "d");
        assertEquals(List.of("INFO Denied a", "INFO Denied c", "INFO Blocked d"), logger.lines);
    }

    @Test
    public void sourcesAreCountedByAddressWithoutPort() throws Exception {
        assertEquals("127.0.0.2", RefusalLog.sourceName(new InetSocketAddress("127.0.0.2", 554)));
        assertEquals("127.0.0.2", RefusalLog.sourceName("127.0.0.2:40000"));
        assertEquals("127.0.0.2", RefusalLog.sourceName("127.0.0.2"));
        assertEquals("0:0:0:0:0:0:0:1", RefusalLog.sourceName("0:0:0:0:0:0:0:1:40000"));
        assertEquals("0:0:0:0:0:0:0:1", RefusalLog.sourceName("0:0:0:0:0:0:0:1"));
        assertEquals("0:0:0:0:0:0:0:1", RefusalLog.sourceName(InetAddress.getByName("::1")));
        assertEquals("/live/x", RefusalLog.sourceName("/live/x"));
        log.info("10.0.0.1:5000", "Opened {}", 1);
        log.info("10.0.0.1:5001", "Opened {}", 2);
        assertEquals(List.of("INFO Opened 1"), logger.lines);
    }

    @Test
    public void memoryIsBoundedByForgettingTheLeastRecentSource() {
        for (int i = 0; i < 10_000; i++) {
            log.info("10.0.0." + (i % 5), "Denied {}", i);
        }
        // only 3 pairs are remembered: with 5 sources in turn, each one was forgotten before it came back
        assertEquals(10_000, logger.lines.size());
        logger.lines.clear();
        for (int i = 0; i < 10_000; i++) {
            log.info("10.0.0." + (i % 3), "Denied {}", i);
        }
        assertEquals(3, logger.lines.size());
    }

    @Test
    public void aTrailingExceptionStaysLast() {
        log.warn("h", "Failed for {}", "x", new IllegalStateException("boom"));
        now += INTERVAL / 2;
        log.warn("h", "Failed for {}", "x", new IllegalStateException("boom"));
        now += INTERVAL;
        log.warn("h", "Failed for {}", "y", new IllegalStateException("boom"));
        assertEquals("WARN Failed for y (1 more like this from h in the last 15 s)", logger.lines.get(1));
    }

    @Test
    public void concurrentRefusalsAreAllCountedOnce() throws Exception {
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 2500; i++) {
                    log.info("10.0.0.9", "Denied {}", i);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        now += INTERVAL;
        log.info("10.0.0.9", "Denied {}", "last");
        assertEquals(2, logger.lines.size());
        assertTrue(logger.lines.get(1), logger.lines.get(1).endsWith("(9999 more like this from 10.0.0.9 in the last 10 s)"));
    }
}
