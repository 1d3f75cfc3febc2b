package org.tributary.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A folder that untrusted request paths are resolved in, and never out of. A request path is a
 * relative, already percent-decoded path such as {@code movies/a.mp4}; it is refused, before the file
 * system is touched, when it
 * <ul>
 * <li>is empty, longer than {@value #MAX_LENGTH} characters or deeper than {@value #MAX_SEGMENTS}
 *     segments;</li>
 * <li>is absolute ({@code /etc/passwd}), starts with a Windows drive letter ({@code C:}) or holds a
 *     backslash;</li>
 * <li>has an empty, {@code .} or {@code ..} segment;</li>
 * <li>holds a control character (NUL included) or a percent escape ({@code %2e}, {@code %2f},
 *     {@code %5c}...): the protocol decoded the path once already, so a remaining escape is a
 *     double-encoded one meant for a later, naive decoder;</li>
 * </ul>
 * and then resolves only to an existing entry whose real location (every symbolic link followed) is
 * inside the folder's real location. The folder itself is read live, at each call.
 */
public final class ConfinedFolder {

    /** Longest request path accepted, in characters. */
    public static final int MAX_LENGTH = 1024;

    /** Most segments a request path may have. */
    public static final int MAX_SEGMENTS = 32;

    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);
    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");

    private final Path root;

    /** @param root the folder; made absolute */
    public ConfinedFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** @return the folder as an absolute, normalized path (not resolved to its real location) */
    public Path root() {
        return root;
    }

    /**
     * Checks the text of a request path alone, without the file system.
     *
     * @param requestPath a relative path from the network; untrusted
     * @return why the path is refused, or empty when its shape is acceptable
     */
    public static Optional<String> problem(String requestPath) {
        if (requestPath == null || requestPath.isEmpty()) {
            return Optional.of("the path is empty");
        }
        if (requestPath.length() > MAX_LENGTH) {
            return Optional.of("the path is longer than " + MAX_LENGTH + " characters");
        }
        if (requestPath.startsWith("/")) {
            return Optional.of("the path is absolute");
        }
        if (DRIVE_LETTER.matcher(requestPath).matches()) {
            return Optional.of("the path starts with a drive letter");
        }
        for (int i = 0; i < requestPath.length(); i++) {
            char c = requestPath.charAt(i);
            if (c == '\\') {
                return Optional.of("the path holds a backslash");
            }
            if (Character.isISOControl(c)) {
                return Optional.of(String.format("the path holds control character U+%04X", (int) c));
            }
        }
        if (PERCENT_ESCAPE.matcher(requestPath).find()) {
            return Optional.of("the path holds a percent escape (encoded twice)");
        }
        String[] segments = requestPath.split("/", -1);
        if (segments.length > MAX_SEGMENTS) {
            return Optional.of("the path has more than " + MAX_SEGMENTS + " segments");
        }
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.of("the path has an empty, '.' or '..' segment");
            }
        }
        return Optional.empty();
    }

    /**
     * Resolves a request path to what it names inside the folder.
     *
     * @param requestPath a relative path from the network; untrusted
     * @return the real path (symbolic links followed) of an existing file or folder inside the folder,
     *         never the folder itself
     * @throws PathRefusedException when the path is malformed, names nothing, or leads outside
     */
    public Path resolve(String requestPath) throws PathRefusedException {
        Optional<String> problem = problem(requestPath);
        if (problem.isPresent()) {
            throw new PathRefusedException(PathRefusedException.Reason.MALFORMED, printable(requestPath), problem.get());
        }
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new PathRefusedException(PathRefusedException.Reason.MISSING, printable(requestPath),
                    "the folder " + root + " cannot be read");
        }
        Path real;
        try {
            Path relative = realRoot.getFileSystem().getPath(requestPath);
            if (relative.isAbsolute() || relative.getRoot() != null) {
                throw new PathRefusedException(PathRefusedException.Reason.MALFORMED, printable(requestPath),
                        "the path is absolute");
            }
            real = realRoot.resolve(relative).toRealPath();
        } catch (InvalidPathException e) {
            throw new PathRefusedException(PathRefusedException.Reason.MALFORMED, printable(requestPath),
                    "not a valid path here");
        } catch (NoSuchFileException e) {
            throw new PathRefusedException(PathRefusedException.Reason.MISSING, printable(requestPath),
                    "nothing there (or a dangling link)");
        } catch (IOException e) {
            throw new PathRefusedException(PathRefusedException.Reason.MISSING, printable(requestPath),
                    "cannot be resolved: " + e.getClass().getSimpleName());
        }
        if (!real.startsWith(realRoot) || real.equals(realRoot)) {
            throw new PathRefusedException(PathRefusedException.Reason.OUTSIDE, printable(requestPath),
                    "a symbolic link leads outside the folder");
        }
        return real;
    }

    /**
     * Like {@link #resolve} for a file to serve.
     *
     * @return the real path of a readable regular file inside the folder
     * @throws PathRefusedException as {@link #resolve} does, and MISSING when it names a folder or an
     *                              unreadable file
     */
    public Path resolveFile(String requestPath) throws PathRefusedException {
        Path real = resolve(requestPath);
        if (!Files.isRegularFile(real) || !Files.isReadable(real)) {
            throw new PathRefusedException(PathRefusedException.Reason.MISSING, printable(requestPath),
                    "not a readable regular file");
        }
        return real;
    }

    /** Keeps control characters of an untrusted text out of messages and logs, and its length bounded. */
    public static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), 200));
        for (int i = 0; i < text.length() && i < 200; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (text.length() > 200) {
            out.append("...");
        }
        return out.toString();
    }
}
