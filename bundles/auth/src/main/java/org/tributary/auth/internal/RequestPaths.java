package org.tributary.auth.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits untrusted request paths into segments, refusing every shape that could mean something
 * else to another component ({@code ..}, {@code .}, backslashes, control characters), so that a
 * policy never decides about a different path than the one a source serves.
 */
public final class RequestPaths {

    /** Longest path accepted, in chars. */
    public static final int MAX_PATH_LENGTH = 4096;

    private RequestPaths() {
    }

    /**
     * @param path a request path, expected to start with '/'
     * @return its non-empty segments ("//" collapses), or empty when the path is not acceptable
     */
    public static Optional<List<String>> segments(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/' || path.length() > MAX_PATH_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' || Character.isISOControl(c)) {
                return Optional.empty();
            }
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return Optional.of(segments);
    }

    /** @return true when the path ends with '/', naming a folder rather than a file */
    public static boolean namesFolder(String path) {
        return path.endsWith("/");
    }
}
