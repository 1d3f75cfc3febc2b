package org.tributary.itests.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a Linux process's CPU time and memory from {@code /proc}: the server's cost measured
 * from outside, since on loopback the kernel charges receive work to the sender.
 */
final class ProcessSampler {

    private final long pid;
    private final long ticksPerSecond;

    /** Samples the process {@code pid}; {@code ticksPerSecond} is the kernel's USER_HZ. */
    ProcessSampler(long pid, long ticksPerSecond) {
        this.pid = pid;
        this.ticksPerSecond = ticksPerSecond;
    }

    /** Returns user plus system CPU time in nanoseconds (fields 14 and 15 of /proc/PID/stat). */
    long cpuNanos() {
        String stat = read("stat");
        // the command name in field 2 may hold spaces and parentheses: fields are counted after the last ')'
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalStateException("unexpected /proc/" + pid + "/stat: " + stat);
        }
        String[] fields = stat.substring(close + 2).trim().split(" ");
        if (fields.length < 13) {
            throw new IllegalStateException("/proc/" + pid + "/stat has too few fields: " + stat);
        }
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1_000_000_000L / ticksPerSecond;
    }

    /** Returns the resident set size in bytes ({@code VmRSS} of /proc/PID/status). */
    long rssBytes() {
        return statusNumber("VmRSS:") * 1024;
    }

    /** Returns the number of threads ({@code Threads} of /proc/PID/status). */
    long threads() {
        return statusNumber("Threads:");
    }

    /** Returns the soft limit on open files from /proc/PID/limits, or -1 for unlimited. */
    long maxOpenFiles() {
        for (String line : read("limits").split("\n")) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") ? -1 : Long.parseLong(soft);
            }
        }
        throw new IllegalStateException("/proc/" + pid + "/limits has no 'Max open files' line");
    }

    /** Returns the kernel's clock ticks per second ({@code getconf CLK_TCK}), 100 if unknown. */
    static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    /** Returns the machine's 1, 5 and 15-minute load averages ({@code /proc/loadavg}), e.g. "0.52 0.61 0.70". */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return String.join(" ", fields[0], fields[1], fields[2]);
        } catch (IOException e) {
            return "?";
        }
    }

    /** Returns the first number of the /proc/PID/status line starting with {@code key}. */
    private long statusNumber(String key) {
        for (String line : read("status").split("\n")) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException("/proc/" + pid + "/status has no " + key + " line");
    }

    private String read(String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid + "/" + file + " (process gone?)", e);
        }
    }
}
