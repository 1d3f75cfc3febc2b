package org.tributary.itests.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.Assert;
import org.junit.Assume;
import org.junit.rules.ExternalResource;

/**
 * A small tmpfs mounted on a fresh folder under {@code target/} for one test class (a JUnit rule, put
 * outside the server's rule with {@code RuleChain}), to give the server a disk that fills up. Mounting
 * needs root (as here and on CI); elsewhere the tests are skipped, and on CI ({@code CI=true}) they fail.
 */
public final class Tmpfs extends ExternalResource {

    private static final Duration MOUNT_TIMEOUT = Duration.ofSeconds(20);

    private final Path folder;
    private final int kilobytes;
    private boolean mounted;

    /** A tmpfs of {@code kilobytes} on a new folder named after {@code name}. */
    public Tmpfs(String name, int kilobytes) {
        this.folder = Path.of(System.getProperty("tributary.work", "target"), name + "-" + ProcessHandle.current().pid())
                .toAbsolutePath();
        this.kilobytes = kilobytes;
    }

    /** Returns the mounted folder. */
    public Path folder() {
        return folder;
    }

    @Override
    protected void before() throws IOException {
        Files.createDirectories(folder);
        ProcessResult mount = ExternalCommand.of("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k", "tmpfs",
                folder.toString()).timeout(MOUNT_TIMEOUT).run();
        if (mount.exitCode() != 0) {
            String why = "cannot mount a tmpfs on " + folder + mount.describe();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assert.fail(why);
            }
            Assume.assumeTrue(why, false);
        }
        mounted = true;
    }

    /** Writes a filler file until the tmpfs has no space left; returns the bytes written. */
    public long fill() throws IOException {
        byte[] block = new byte[1024];
        long written = 0;
        try (OutputStream filler = Files.newOutputStream(folder.resolve("filler"))) {
            while (written <= kilobytes * 1024L) {
                filler.write(block);
                written += block.length;
            }
        } catch (IOException full) {
            return written;
        }
        throw new IOException(folder + " took " + written + " bytes without filling up");
    }

    /** Deletes the filler file: there is room again. */
    public void free() throws IOException {
        Files.deleteIfExists(folder.resolve("filler"));
    }

    @Override
    protected void after() {
        if (mounted) {
            ProcessResult umount = ExternalCommand.of("umount", folder.toString()).timeout(MOUNT_TIMEOUT).run();
            mounted = umount.exitCode() != 0;
        }
        if (!mounted) {
            try {
                Files.deleteIfExists(folder);
            } catch (IOException leftBehind) {
                // an empty folder under target/: nothing to do about it
            }
        }
    }
}
