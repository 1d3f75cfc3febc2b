package org.tributary.auth.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Reading files with a size cap and replacing them atomically, owner-only where POSIX allows. */
public final class BoundedFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private BoundedFiles() {
    }

    /**
     * Reads a whole text file as UTF-8; malformed bytes become U+FFFD.
     *
     * @param file     the file
     * @param maxBytes the largest size accepted
     * @return the text
     * @throws IOException when it cannot be read or is larger than {@code maxBytes}
     */
    public static String readText(Path file, int maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            // read one byte more than allowed to tell "exactly full" from "too big"
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new IOException(file + " is larger than " + maxBytes + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * Like {@link #readText}, but a file that does not exist (or vanishes while being opened) reads
     * as empty: a users or groups file that was never written is an empty one.
     */
    public static String readTextOrEmpty(Path file, int maxBytes) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        try {
            return readText(file, maxBytes);
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    /**
     * Replaces a file with new text: written to a temporary file in the same folder, forced to
     * disk, then moved over the old one atomically, so a reader sees the old or the new file,
     * never half of one. The file is readable by its owner only where the file system is POSIX.
     *
     * @throws IOException when it cannot be written or the file system cannot move atomically
     */
    public static void replaceText(Path file, String text) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(folder, "." + file.getFileName(), ".tmp", attributes);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = Channels.newOutputStream(channel)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + file + " atomically: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
