package org.tributary.source.file.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;

/**
 * The folder movies are served from, and the confinement of untrusted request paths to it: a
 * path resolves only to a readable regular file whose real location (symbolic links followed)
 * is inside the folder's real location. The folder is read live, at each request.
 */
final class MediaFolder {

    private static final String MP3_EXTENSION = "mp3";

    /** File name extensions of the movie formats this source plays, and of plain MP3 files. */
    static final Set<String> MOVIE_EXTENSIONS = Set.of("mp4", "mov", "m4v", "m4a", "3gp", "3g2", MP3_EXTENSION);

    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);

    private final Path root;

    /** @return true when the file is a plain MP3 file by its extension, not a movie */
    static boolean isMp3(Path file) {
        return MP3_EXTENSION.equals(extension(file));
    }

    /** @param root the folder; made absolute */
    MediaFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** @return the folder as an absolute path */
    Path root() {
        return root;
    }

    /**
     * @param requestPath the path below the mount, from the network; untrusted
     * @return the real path of the movie file
     * @throws MediaException NOT_FOUND when the path is malformed, leaves the folder or names no
     *                        readable regular file; UNSUPPORTED when the file is not a movie by its extension
     */
    Path resolve(String requestPath) throws MediaException {
        if (!isPlausible(requestPath)) {
            throw notFound(requestPath);
        }
        Path realRoot;
        Path real;
        try {
            realRoot = root.toRealPath();
            Path relative = realRoot.getFileSystem().getPath(requestPath);
            if (relative.isAbsolute() || relative.getRoot() != null) {
                throw notFound(requestPath);
            }
            real = realRoot.resolve(relative).toRealPath();
        } catch (IOException | InvalidPathException e) {
            throw notFound(requestPath);
        }
        if (!real.startsWith(realRoot) || real.equals(realRoot) || !Files.isRegularFile(real)
                || !Files.isReadable(real)) {
            throw notFound(requestPath);
        }
        if (!MOVIE_EXTENSIONS.contains(extension(real))) {
            throw new MediaException(Reason.UNSUPPORTED, printable(requestPath)
                    + " is not a movie file (expected one of " + MOVIE_EXTENSIONS + ")");
        }
        return real;
    }

    /** Rejects, before touching the file system, every shape of path that could leave the folder. */
    private static boolean isPlausible(String path) {
        if (path == null || path.isEmpty() || path.contains("..") || path.startsWith("/")
                || DRIVE_LETTER.matcher(path).matches()) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
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
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), 200));
        for (int i = 0; i < text.length() && i < 200; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }
}
