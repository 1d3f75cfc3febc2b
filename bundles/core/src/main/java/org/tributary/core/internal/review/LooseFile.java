package org.tributary.core.internal.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/** A file holding secrets that users other than its owner can read. */
final class LooseFile {

    private LooseFile() {
    }

    /**
     * @param file a users file or keystore
     * @return a warning naming the file and {@code chmod 600}, or empty when only its owner can read it, it does
     *         not exist, or the file system has no POSIX permissions
     */
    static Optional<String> warning(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException | SecurityException notPosix) {
            return Optional.empty();
        }
        if (!permissions.contains(PosixFilePermission.GROUP_READ)
                && !permissions.contains(PosixFilePermission.OTHERS_READ)) {
            return Optional.empty();
        }
        return Optional.of(file + " holds secrets and is readable by group/others ("
                + PosixFilePermissions.toString(permissions) + "): run chmod 600 " + file);
    }
}
