package org.tributary.itests.bench;

import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Reading this JVM's own /proc entries (the same files the benchmark reads for the server). */
public class ProcessSamplerTest {

    private final ProcessSampler self =
            new ProcessSampler(ProcessHandle.current().pid(), ProcessSampler.clockTicksPerSecond());

    @Test
    public void readsCpuMemoryThreadsAndTheFileLimit() {
        long cpu = self.cpuNanos();
        assertTrue("a running JVM has used CPU: " + cpu, cpu > 0);
        assertTrue("a JVM's resident set is above 10 MiB: " + self.rssBytes(), self.rssBytes() > (10L << 20));
        assertTrue("a JVM runs several threads: " + self.threads(), self.threads() > 1);
        long files = self.maxOpenFiles();
        assertTrue("open-file limit: " + files, files == -1 || files > 0);
    }

    @Test
    public void clockTicksAreTheKernelsUserHz() {
        long ticks = ProcessSampler.clockTicksPerSecond();
        assertTrue("USER_HZ " + ticks, ticks >= 100 && ticks <= 10000);
    }
}
