package org.tributary.source.live.internal;

import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;

/** Checks the untrusted path of a broadcast before it becomes a registry key or a log line. */
public final class BroadcastPaths {

    /** Longest accepted path, in characters. */
    static final int MAX_LENGTH = 255;

    private BroadcastPaths() {
    }

    /**
     * @param path the path below the mount, as the protocol server decoded it
     * @return the path unchanged when it is acceptable
     * @throws MediaException INVALID naming the problem (the path itself is quoted only when printable)
     */
    public static String check(String path) throws MediaException {
        if (path == null || path.isEmpty()) {
            throw invalid("a broadcast path is required");
        }
        if (path.length() > MAX_LENGTH) {
            throw invalid("broadcast path longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < path.length(); i++) {
            if (!allowed(path.charAt(i))) {
                throw invalid("broadcast path has a character outside [A-Za-z0-9._/-] at index " + i);
            }
        }
        if (path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
            throw invalid("broadcast path " + path + " has an empty segment");
        }
        if (path.contains("..")) {
            throw invalid("broadcast path " + path + " contains '..'");
        }
        for (String segment : path.split("/")) {
            if (segment.equals(".")) {
                throw invalid("broadcast path " + path + " has a '.' segment");
            }
        }
        return path;
    }

    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-' || c == '/';
    }

    private static MediaException invalid(String message) {
        return new MediaException(Reason.INVALID, message);
    }
}
