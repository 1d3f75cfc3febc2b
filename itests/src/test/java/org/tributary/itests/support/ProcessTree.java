package org.tributary.itests.support;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Finds and ends the processes below one process this JVM started, always by their own handle:
 * never by name, so another test's or another engineer's server is never touched.
 */
final class ProcessTree {

    private ProcessTree() {
    }

    /**
     * Returns the Java process started by {@code root} (the karaf script may exec java or run it
     * as a child), or empty when there is none yet.
     */
    static Optional<ProcessHandle> findJava(ProcessHandle root) {
        if (isJava(root)) {
            return Optional.of(root);
        }
        return root.descendants().filter(ProcessTree::isJava).findFirst();
    }

    /**
     * Returns {@code root} and every process below it. Take this list before signalling anything:
     * once a parent dies its children are re-parented and can no longer be found from it.
     */
    static List<ProcessHandle> withDescendants(ProcessHandle root) {
        List<ProcessHandle> all = root.descendants().collect(Collectors.toList());
        all.add(0, root);
        return all;
    }

    /** Waits up to {@code timeout} for every process to end; returns true when all have. */
    static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle handle : processes) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception notEnded) {
                return !processes.stream().anyMatch(ProcessHandle::isAlive);
            }
        }
        return true;
    }

    /** Ends {@code root} and every process below it: politely first, forcibly after {@code grace}. */
    static void destroy(ProcessHandle root, Duration grace) {
        destroy(withDescendants(root), grace);
    }

    /** Ends the given processes: politely first, forcibly those still alive after {@code grace}. */
    static void destroy(List<ProcessHandle> processes, Duration grace) {
        processes.forEach(ProcessHandle::destroy);
        if (!awaitExit(processes, grace)) {
            processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static boolean isJava(ProcessHandle handle) {
        return handle.info().command().map(c -> c.endsWith("/java") || c.equals("java")).orElse(false);
    }
}
