package org.tributary.source.file.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.security.ConfinedFolder;
import org.tributary.security.PathRefusedException;

/**
 * The folder movies are served from: an untrusted request path resolves, through
 * {@link ConfinedFolder}, only to a readable regular movie file whose real location (symbolic
 * links followed) is inside the folder's real location. The folder is read live, at each request.
 */
final class MediaFolder {

    private static final String MP3_EXTENSION = "mp3";

    /** File name extensions of the movie formats this source plays, and of plain MP3 files. */
    static final Set<String> MOVIE_EXTENSIONS = Set.of("mp4", "mov", "m4v", "m4a", "3gp", "3g2", MP3_EXTENSION);

    private final ConfinedFolder folder;

    /** @return true when the file is a plain MP3 file by its extension, not a movie */
    static boolean isMp3(Path file) {
        return MP3_EXTENSION.equals(extension(file));
    }

    /** @param root the folder; made absolute */
    MediaFolder(Path root) {
        this.folder = new ConfinedFolder(root);
    }

    /** @return the folder as an absolute path */
    Path root() {
        return folder.root();
    }

    /**
     * @param requestPath the path below the mount, from the network; untrusted
     * @return the real path of the movie file
     * @throws MediaException NOT_FOUND when the path is malformed, leaves the folder or names no
     *                        readable regular file; UNSUPPORTED when the file is not a movie by its extension
     */
    Path resolve(String requestPath) throws MediaException {
        Path real;
        try {
            real = folder.resolveFile(requestPath);
        } catch (PathRefusedException e) {
            throw notFound(requestPath);
        }
        if (!MOVIE_EXTENSIONS.contains(extension(real))) {
            throw new MediaException(Reason.UNSUPPORTED, printable(requestPath)
                    + " is not a movie file (expected one of " + MOVIE_EXTENSIONS + ")");
        }
        return real;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static MediaException notFound(String requestPath) {
        return new MediaException(Reason.NOT_FOUND, "no movie at '" + printable(requestPath) + "'");
    }

    /** Keeps control characters of an untrusted path out of messages and logs. */
    static String printable(String text) {
        return ConfinedFolder.printable(text);
    }
}
