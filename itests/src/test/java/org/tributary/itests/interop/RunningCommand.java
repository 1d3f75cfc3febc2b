package org.tributary.itests.interop;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.ProcessResult;

/**
 * A client program running in the background while the test does other things: a publisher that
 * viewers watch, or viewers that must overlap. Both outputs go to files, so a chatty program never
 * blocks on a full pipe; the moment it ended is recorded when it ends, not when the test looks.
 * Only this process is ever signalled (by its own handle), never anything found by name.
 */
final class RunningCommand implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final List<String> command;
    private final Process process;
    private final Path out;
    private final Path err;
    private final CompletableFuture<Instant> endedAt;
    private volatile boolean paused;

    private RunningCommand(List<String> command, Process process, Path out, Path err) {
        this.command = command;
        this.process = process;
        this.out = out;
        this.err = err;
        this.endedAt = process.onExit().thenApply(ended -> Instant.now());
    }

    /** Starts {@code command} with standard input at /dev/null and returns at once. */
    static RunningCommand start(List<String> command) {
        try {
            Path folder = Files.createDirectories(Path.of(System.getProperty("tributary.work", "target"), "commands"));
            Path out = Files.createTempFile(folder, "bg-", ".out");
            Path err = Files.createTempFile(folder, "bg-", ".err");
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            return new RunningCommand(List.copyOf(command), process, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Returns what the program wrote to its standard output so far. */
    String stdoutSoFar() {
        try {
            return read(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the output of " + command, e);
        }
    }

    /** Returns true while the program runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** Ends the program with SIGKILL: it gets no chance to say goodbye (no TEARDOWN, no RTCP BYE). */
    void kill() {
        process.destroyForcibly();
    }

    /**
     * Sends SIGSTOP ({@code pause}) or SIGCONT to the program, by its own pid: a stopped publisher keeps its
     * connection open and sends nothing, as one whose network stalls.
     */
    void pause(boolean pause) {
        ProcessResult signal = ExternalCommand.of("kill", pause ? "-STOP" : "-CONT", Long.toString(process.pid()))
                .timeout(STOP_GRACE).run();
        if (signal.exitCode() != 0) {
            throw new IllegalStateException("cannot signal " + command + signal.describe());
        }
        paused = pause;
    }

    /** Returns when the program ended; only valid once {@link #awaitExit} returned. */
    Instant endedAt() {
        return endedAt.getNow(null);
    }

    /**
     * Waits up to {@code timeout} for the program to end and returns what it did; a program still
     * running then is stopped and reported as timed out (exit -1).
     */
    ProcessResult awaitExit(Duration timeout) {
        try {
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                stop();
            }
            // the exit callback runs on another thread; its instant must be set before anyone reads it
            endedAt.get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return new ProcessResult(command, ended ? process.exitValue() : -1, !ended, read(out), read(err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + command, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot collect the end of " + command, e);
        }
    }

    /** Stops the program if it still runs (SIGTERM, then SIGKILL after 5 s) and deletes its output files. */
    @Override
    public void close() {
        stop();
        try {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the output of " + command, e);
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (paused) {
            pause(false);
        }
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Decodes a captured output, replacing bytes that are not UTF-8 instead of failing on them. */
    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
