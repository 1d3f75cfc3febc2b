package org.tributary.auth.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * What tells one version of a file from another without reading it: modification time, size and
 * file key (an editor that saves by renaming a new file over the old one changes the key).
 *
 * @param exists   false when the file is missing or cannot be looked at
 * @param modified the last modification time
 * @param size     the size in bytes
 * @param fileKey  the file system's identity of the file (inode), when it has one
 */
public record FileStamp(boolean exists, FileTime modified, long size, Object fileKey) {

    private static final FileStamp MISSING = new FileStamp(false, FileTime.fromMillis(0), -1, null);

    /** @return the file's current stamp; a file that cannot be read counts as missing */
    public static FileStamp of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(true, attributes.lastModifiedTime(), attributes.size(),
                    Objects.requireNonNullElse(attributes.fileKey(), "no-key"));
        } catch (IOException e) {
            return MISSING;
        }
    }
}
