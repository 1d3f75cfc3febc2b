package org.tributary.itests.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a client program (ffprobe, ffmpeg, gst-launch-1.0, bin/client) to completion with a
 * time-out, capturing both outputs in files so a chatty program can never block on a full pipe.
 * A program still running at its time-out is stopped together with its children.
 */
public final class ExternalCommand {

    private final List<String> command;
    private Duration timeout = Duration.ofSeconds(60);
    private Path directory;
    private ProcessBuilder.Redirect stdin = ProcessBuilder.Redirect.from(new File("/dev/null"));

    private ExternalCommand(List<String> command) {
        this.command = List.copyOf(command);
    }

    /** Starts describing a command line; nothing runs before {@link #run()}. */
    public static ExternalCommand of(String... command) {
        return new ExternalCommand(List.of(command));
    }

    /** Starts describing a command line; nothing runs before {@link #run()}. */
    public static ExternalCommand of(List<String> command) {
        return new ExternalCommand(command);
    }

    /** Sets how long the command may run before it is stopped (default 60 s). */
    public ExternalCommand timeout(Duration value) {
        this.timeout = value;
        return this;
    }

    /** Sets the working directory (default: the test JVM's). */
    public ExternalCommand directory(Path value) {
        this.directory = value;
        return this;
    }

    /**
     * Gives the command a standard input that stays open and empty until it ends, instead of
     * /dev/null (some clients end early when their input is at end of file).
     */
    public ExternalCommand openStdin() {
        this.stdin = ProcessBuilder.Redirect.PIPE;
        return this;
    }

    /** Runs the command, waits for it (at most the time-out) and returns what it did. */
    public ProcessResult run() {
        try {
            Path out = Files.createTempFile(outputFolder(), "cmd-", ".out");
            Path err = Files.createTempFile(outputFolder(), "cmd-", ".err");
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                    .redirectInput(stdin)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            Process process = builder.start();
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                ProcessTree.destroy(process.toHandle(), Duration.ofSeconds(5));
            }
            ProcessResult result = new ProcessResult(command, ended ? process.exitValue() : -1, !ended,
                    text(out), text(err));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** Decodes a captured output, replacing bytes that are not UTF-8 instead of failing on them. */
    private static String text(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static Path outputFolder() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("tributary.work", "target"), "commands"));
    }
}
