package org.tributary.auth.internal.file;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tributary.auth.internal.FileStamp;

/** Tells whether any of a few files changed since it last looked, by their {@link FileStamp}s. */
final class FileChangePoller {

    private final List<Path> files;
    private Map<Path, FileStamp> seen = Map.of();

    FileChangePoller(List<Path> files) {
        this.files = List.copyOf(files);
    }

    /**
     * Looks at the files and remembers what it saw. Callers read the files after this call, so a
     * change made while they read is seen at the next look.
     *
     * @return true when a file changed (appeared, vanished, was modified) since the last look
     */
    synchronized boolean look() {
        Map<Path, FileStamp> now = new LinkedHashMap<>();
        for (Path file : files) {
            now.put(file, FileStamp.of(file));
        }
        boolean changed = !now.equals(seen);
        seen = now;
        return changed;
    }
}
