package org.tributary.rtp.rtsp;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A Session header (RFC 2326 §12.37): {@code ID[;timeout=SECONDS]}. Identifiers are 1 to
 * {@value #MAX_ID_LENGTH} visible ASCII characters other than {@code ;} and {@code ,} (the RFC's
 * {@code 1*(ALPHA | DIGIT | safe)} and what real servers hand out); the ones this server hands out
 * are at least 8 characters long, but any such identifier is accepted from a client.
 */
public final class SessionHeader {

    /** Longest identifier accepted. */
    public static final int MAX_ID_LENGTH = 64;

    private static final int NO_TIMEOUT = -1;

    private final String id;
    private final int timeout;

    private SessionHeader(String id, int timeout) {
        this.id = id;
        this.timeout = timeout;
    }

    /**
     * @param id the session identifier
     * @return a header without timeout
     * @throws IllegalArgumentException when the identifier is not valid
     */
    public static SessionHeader of(String id) {
        return new SessionHeader(checkedId(id), NO_TIMEOUT);
    }

    /**
     * @param id             the session identifier
     * @param timeoutSeconds the inactivity timeout announced to the client, at least 1
     * @return a header with timeout, formatted {@code ID;timeout=N}
     * @throws IllegalArgumentException when the identifier or timeout is not valid
     */
    public static SessionHeader of(String id, int timeoutSeconds) {
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("timeout " + timeoutSeconds + " is not positive");
        }
        return new SessionHeader(checkedId(id), timeoutSeconds);
    }

    private static String checkedId(String id) {
        String problem = idProblem(Objects.requireNonNull(id, "id"));
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return id;
    }

    /**
     * Parses a Session header value; parameters other than {@code timeout} are ignored.
     *
     * @param value e.g. {@code 12345678;timeout=60}
     * @return the header
     * @throws MalformedHeaderException when the identifier is empty, too long, holds a control
     *                                  character, a blank, a quote or a non-ASCII character, or the
     *                                  timeout is not a positive decimal number (400)
     */
    public static SessionHeader parse(String value) throws MalformedHeaderException {
        List<String> parts = HeaderSyntax.split(value, ';');
        String id = parts.get(0);
        String problem = idProblem(id);
        if (problem != null) {
            throw new MalformedHeaderException(problem);
        }
        int timeout = NO_TIMEOUT;
        for (String part : parts.subList(1, parts.size())) {
            HeaderSyntax.Parameter p = HeaderSyntax.Parameter.of(part);
            if (p.name().equals("timeout")) {
                timeout = (int) HeaderSyntax.decimal(p.required(), 1, Integer.MAX_VALUE, "Session timeout");
            }
        }
        return new SessionHeader(id, timeout);
    }

    private static String idProblem(String id) {
        if (id.isEmpty()) {
            return "Session identifier is empty";
        }
        if (id.length() > MAX_ID_LENGTH) {
            return "Session identifier of " + id.length() + " characters exceeds " + MAX_ID_LENGTH;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= 0x20 || c >= 0x7F || c == ';' || c == ',' || c == '"') {
                return String.format("Session identifier holds character U+%04X at %d", (int) c, i);
            }
        }
        return null;
    }

    /** @return the session identifier */
    public String id() {
        return id;
    }

    /** @return the timeout in seconds, when given */
    public OptionalInt timeout() {
        return timeout == NO_TIMEOUT ? OptionalInt.empty() : OptionalInt.of(timeout);
    }

    /** @return {@code ID} or {@code ID;timeout=N} */
    @Override
    public String toString() {
        return timeout == NO_TIMEOUT ? id : id + ";timeout=" + timeout;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionHeader other && id.equals(other.id) && timeout == other.timeout;
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + timeout;
    }
}
