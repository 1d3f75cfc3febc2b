package org.tributary.security;

/** A request path that {@link ConfinedFolder} refuses; its message is safe to log and to show. */
public final class PathRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a path was refused. */
    public enum Reason {
        /** Its text alone is refused: an escape attempt, or a malformed or overlong path. */
        MALFORMED,
        /** It names nothing (a dangling symbolic link included), or the folder cannot be read. */
        MISSING,
        /** It exists, but its real location is outside the folder (a symbolic link leads out). */
        OUTSIDE
    }

    private final Reason reason;

    /**
     * @param reason why
     * @param path   the refused path, already made printable
     * @param detail what is wrong with it
     */
    public PathRefusedException(Reason reason, String path, String detail) {
        super("'" + path + "': " + detail);
        this.reason = reason;
    }

    /** @return why the path was refused */
    public Reason reason() {
        return reason;
    }
}
