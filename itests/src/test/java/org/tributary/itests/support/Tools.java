package org.tributary.itests.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.Assert;
import org.junit.Assume;

/**
 * Checks that a client program an interop test needs is installed. On a developer machine a
 * missing tool skips the test; on CI (environment variable {@code CI=true}) it fails it, so a
 * CI machine that lost ffmpeg or GStreamer cannot pass by skipping everything.
 */
public final class Tools {

    private Tools() {
    }

    /** Skips (or, on CI, fails) the calling test unless every named program is on the PATH. */
    public static void require(String... tools) {
        for (String tool : tools) {
            if (!onPath(tool, System.getenv("PATH"))) {
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    Assert.fail("required tool " + tool + " is missing");
                }
                Assume.assumeTrue("required tool " + tool + " is missing: test skipped", false);
            }
        }
    }

    /**
     * Returns the executable {@code tool} found first on the PATH, for a client library that wants the
     * program's path (call {@link #require} first); fails when it is not there.
     */
    public static Path locate(String tool) {
        return find(tool, System.getenv("PATH")).orElseThrow(
                () -> new IllegalStateException("required tool " + tool + " is missing"));
    }

    /** Returns true when an executable file named {@code tool} is in one of the PATH folders. */
    static boolean onPath(String tool, String path) {
        return find(tool, path).isPresent();
    }

    static Optional<Path> find(String tool, String path) {
        if (path == null || tool.contains("/")) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, tool);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
