package org.tributary.source.file.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.api.MediaItem;
import org.tributary.security.ConfinedFolder;
import org.tributary.security.PathRefusedException;
import org.tributary.source.file.internal.mp4.ChannelOpener;
import org.tributary.source.file.internal.mp4.MovieIndex;

/**
 * Puts files into the media folder and takes them out, for management. Every name is untrusted: it is
 * checked by {@link ConfinedFolder} (no {@code ..}, absolute path, NUL or control character), may not
 * be hidden, must have a media extension, and its folder must already exist inside the media folder
 * (symbolic links followed). An upload is written to a hidden {@code .partial} file beside its target,
 * at most the size limit, opened with the reader that plays it, and only then linked into place, which
 * fails rather than replaces when the name was taken meanwhile. The temporary file is always removed.
 */
final class MediaUploads {

    private static final int BUFFER_SIZE = 64 * 1024;

    private final ChannelOpener opener;
    private final MediaCatalog catalog;

    MediaUploads(ChannelOpener opener, MediaCatalog catalog) {
        this.opener = opener;
        this.catalog = catalog;
    }

    /**
     * @param folder   the media folder
     * @param name     the new file's path below it; untrusted
     * @param data     its content
     * @param maxBytes the largest size accepted
     * @return the stored file
     * @throws MediaException INVALID for a bad name or too much data, BUSY when the name exists,
     *                        UNSUPPORTED when it is not a playable type
     */
    MediaItem store(MediaFolder folder, String name, InputStream data, long maxBytes) throws MediaException {
        Path directory = directoryOf(folder, name);
        Path target = directory.resolve(fileName(name));
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new MediaException(Reason.BUSY, "'" + MediaFolder.printable(name) + "' exists already");
        }
        Path partial = null;
        try {
            partial = Files.createTempFile(directory, ".upload-", MediaFolder.PARTIAL_SUFFIX);
            long size = copy(data, partial, maxBytes, name);
            check(partial, name, size);
            readableLikeACopiedFile(partial);
            Files.createLink(target, partial);
        } catch (FileAlreadyExistsException e) {
            throw new MediaException(Reason.BUSY, "'" + MediaFolder.printable(name) + "' exists already", e);
        } catch (UnsupportedOperationException e) {
            moveInto(partial, target, name);
        } catch (IOException e) {
            throw new MediaException(Reason.INVALID, "cannot store '" + MediaFolder.printable(name) + "': "
                    + e.getClass().getSimpleName(), e);
        } finally {
            deleteQuietly(partial);
        }
        return catalog.describe(target, name);
    }

    /**
     * @param folder the media folder
     * @param name   the file's path below it; untrusted
     * @throws MediaException NOT_FOUND when there is no such media file, INVALID for a bad name
     */
    void delete(MediaFolder folder, String name) throws MediaException {
        Path directory = directoryOf(folder, name);
        Path file = directory.resolve(fileName(name));
        try {
            // confinement: the name, links followed, must lead to a file inside; the link itself is what goes
            folder.confined().resolveFile(name);
            Files.delete(file);
        } catch (PathRefusedException | IOException e) {
            throw new MediaException(Reason.NOT_FOUND, "no media file '" + MediaFolder.printable(name) + "'", e);
        }
    }

    /** @return the real path of the existing folder the named file is in, inside the media folder */
    private static Path directoryOf(MediaFolder folder, String name) throws MediaException {
        Optional<String> problem = ConfinedFolder.problem(name);
        if (problem.isPresent()) {
            throw invalid(name, problem.get());
        }
        for (String segment : name.split("/")) {
            if (MediaFolder.isHidden(segment)) {
                throw invalid(name, "a hidden name or an upload's temporary name");
            }
        }
        if (!MediaFolder.isMedia(folder.root().getFileSystem().getPath(fileName(name)))) {
            throw new MediaException(Reason.INVALID, "'" + MediaFolder.printable(name)
                    + "' is not a media file name (expected one of " + MediaFolder.MOVIE_EXTENSIONS + ")");
        }
        int slash = name.lastIndexOf('/');
        try {
            Path directory = slash < 0 ? folder.root().toRealPath() : folder.confined().resolve(name.substring(0, slash));
            BasicFileAttributes attributes = Files.readAttributes(directory, BasicFileAttributes.class);
            if (!attributes.isDirectory()) {
                throw invalid(name, "its folder is a file");
            }
            return directory;
        } catch (PathRefusedException | IOException e) {
            throw invalid(name, "its folder does not exist in the media folder");
        }
    }

    private static String fileName(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static long copy(InputStream data, Path partial, long maxBytes, String name)
            throws IOException, MediaException {
        byte[] buffer = new byte[BUFFER_SIZE];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(partial)) {
            for (int n = data.read(buffer); n >= 0; n = data.read(buffer)) {
                total += n;
                if (total > maxBytes) {
                    throw new MediaException(Reason.INVALID, "'" + MediaFolder.printable(name) + "' is larger than "
                            + maxBytes + " bytes, the upload limit");
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    /** Opens the upload with the reader that would play it. */
    private void check(Path partial, String name, long size) throws MediaException, IOException {
        Path named = partial.getFileSystem().getPath(fileName(name));
        try {
            MovieIndex index = MovieProbe.index(opener, partial, name, MediaFolder.isMp3(named));
            MediaCatalog.item(name, size, Files.getLastModifiedTime(partial), index);
        } catch (MediaException e) {
            throw new MediaException(Reason.UNSUPPORTED, "'" + MediaFolder.printable(name) + "' cannot be played: "
                    + MediaCatalog.oneLine(e.getMessage()), e);
        } catch (IllegalArgumentException e) {
            throw new MediaException(Reason.UNSUPPORTED, "'" + MediaFolder.printable(name) + "' cannot be streamed: "
                    + MediaCatalog.oneLine(e.getMessage()), e);
        }
    }

    /** A temporary file is private to its owner; the stored one is readable like a file copied in by hand. */
    private static void readableLikeACopiedFile(Path partial) throws IOException {
        try {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
    }

    /** For file systems without hard links: an atomic rename, which may replace a file created meanwhile. */
    private static void moveInto(Path partial, Path target, String name) throws MediaException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MediaException(Reason.INVALID, "cannot store '" + MediaFolder.printable(name) + "': "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // reported by the caller's failure already; a .partial left over is never served nor listed
        }
    }

    private static MediaException invalid(String name, String why) {
        return new MediaException(Reason.INVALID, "bad media file name '" + MediaFolder.printable(name) + "': " + why);
    }
}
