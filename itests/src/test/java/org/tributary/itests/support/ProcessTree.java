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
     * Ends {@code root} and every process below it: politely first, forcibly after {@code grace}.
     * Children are listed before anything is signalled, because once the parent dies they are
     * re-parented and can no longer be found from it.
     */
    static void destroy(ProcessHandle root, Duration grace) {
        List<ProcessHandle> all = root.descendants().collect(Collectors.toList());
        all.add(root);
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : all) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception notYetEnded) {
                handle.destroyForcibly();
            }
        }
    }

    private static boolean isJava(ProcessHandle handle) {
        return handle.info().command().map(c -> c.endsWith("/java") || c.equals("java")).orElse(false);
    }
}
