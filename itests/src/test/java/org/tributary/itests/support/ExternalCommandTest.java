package org.tributary.itests.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import org.junit.Test;

/** Running client programs: captured output, exit code, and the time-out that ends them. */
public class ExternalCommandTest {

    @Test
    public void capturesBothOutputsAndTheExitCode() {
        ProcessResult result = ExternalCommand.of("sh", "-c", "echo out; echo err >&2; exit 3").run();
        assertEquals(3, result.exitCode());
        assertEquals("out\n", result.stdout());
        assertEquals("err\n", result.stderr());
        assertFalse(result.timedOut());
        assertTrue(result.describe().contains("exit: 3"));
    }

    @Test
    public void stopsACommandAndItsChildrenAtTheTimeout() {
        long start = System.nanoTime();
        ProcessResult result = ExternalCommand.of("sh", "-c", "sleep 30 & echo $!; wait")
                .timeout(Duration.ofMillis(500)).run();
        assertTrue(result.timedOut());
        assertEquals(-1, result.exitCode());
        assertTrue("took too long", System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
        long child = Long.parseLong(result.stdout().trim());
        assertFalse("the child sleep is still alive", ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false));
    }
}
