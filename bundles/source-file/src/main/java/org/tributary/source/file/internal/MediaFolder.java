package org.tributary.source.file.internal;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.security.ConfinedFolder;
import org.tributary.security.PathRefusedException;

/**
 * The folder movies are served from: an untrusted request path resolves, through
 * {@link ConfinedFolder}, only to a readable regular movie file whose real location (symbolic
 * links followed) is inside the folder's real location. Hidden names (a leading dot) and uploads still
 * being written ({@code .partial}) are never served. The folder is read live, at each request.
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

    /** Suffix of the temporary files uploads are written to before they are checked and moved into place. */
    static final String PARTIAL_SUFFIX = ".partial";

    /** @param root the folder; made absolute */
    MediaFolder(Path root) {
        this.folder = new ConfinedFolder(root);
    }

    /**
     * @param configured the configured folder; empty means {@code ${karaf.home}/media}, or {@code ./media}
     * @return the folder
     */
    static MediaFolder configured(String configured) {
        if (configured != null && !configured.isBlank()) {
            return new MediaFolder(Paths.get(configured.trim()));
        }
        String karafHome = System.getProperty("karaf.home");
        return new MediaFolder(karafHome == null || karafHome.isBlank() ? Paths.get("media")
                : Paths.get(karafHome, "media"));
    }

    /** @return the confinement the folder's paths are resolved through */
    ConfinedFolder confined() {
        return folder;
    }

    /**
     * @param name one segment of a path
     * @return true for a hidden name (a leading dot) or an upload still being written: never served nor listed
     */
    static boolean isHidden(String name) {
        return name.startsWith(".") || name.endsWith(PARTIAL_SUFFIX);
    }

    /** @return true when the file's name says it is a movie or MP3 file this source plays */
    static boolean isMedia(Path file) {
        return MOVIE_EXTENSIONS.contains(extension(file));
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
        if (requestPath != null && Arrays.stream(requestPath.split("/")).anyMatch(MediaFolder::isHidden)) {
            throw notFound(requestPath);
        }
        Path real;
        try {
            real = folder.resolveFile(requestPath);
        } catch (PathRefusedException e) {
            throw notFound(requestPath);
        }
        if (!isMedia(real)) {
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
