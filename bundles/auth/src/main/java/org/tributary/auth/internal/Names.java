package org.tributary.auth.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Checks user and group names, which come from files and from the network. */
public final class Names {

    /** Longest name, in UTF-8 bytes, that the files and the realms accept. */
    public static final int MAX_NAME_BYTES = 255;

    private static final int MAX_PRINTABLE = 200;

    private Names() {
    }

    /**
     * @param name a user name
     * @return why the users file cannot hold it, or empty when it can
     */
    public static Optional<String> userNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("empty user name");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            return Optional.of("user name longer than " + MAX_NAME_BYTES + " bytes");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of("control character in user name");
            }
            if (c == ':') {
                return Optional.of("':' in user name");
            }
        }
        if (!name.strip().equals(name)) {
            return Optional.of("user name starts or ends with a space");
        }
        if (name.startsWith("#")) {
            return Optional.of("user name starts with '#'");
        }
        return Optional.empty();
    }

    /**
     * A name in the groups file: a user name without spaces (members are separated by spaces).
     *
     * @param name a group or member name
     * @return why the groups file cannot hold it, or empty when it can
     */
    public static Optional<String> groupFileNameProblem(String name) {
        Optional<String> problem = userNameProblem(name);
        if (problem.isPresent()) {
            return problem;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isWhitespace(name.charAt(i)) || Character.isSpaceChar(name.charAt(i))) {
                return Optional.of("space in '" + printable(name) + "'");
            }
        }
        return Optional.empty();
    }

    /** Keeps control characters and excess length of untrusted text out of messages and logs. */
    public static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_PRINTABLE + 3));
        for (int i = 0; i < text.length() && i < MAX_PRINTABLE; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (text.length() > MAX_PRINTABLE) {
            out.append("...");
        }
        return out.toString();
    }
}
