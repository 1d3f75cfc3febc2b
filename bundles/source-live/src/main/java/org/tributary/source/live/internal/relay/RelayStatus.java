package org.tributary.source.live.internal.relay;

import org.tributary.api.RelayInfo;
import org.tributary.security.ConfinedFolder;

/**
 * A relay's state as management sees it: connecting, pulling, idle (on demand, no viewer) or failing,
 * the failed attempts since it last pulled and the last failure as one line. Each change reports
 * whether the state changed, so the relay logs changes once rather than every retry. Thread-safe.
 */
final class RelayStatus {

    /** What a relay is doing. */
    enum State {
        /** Connecting to the origin for the first time, or again after it pulled. */
        CONNECTING,
        /** The origin plays: the broadcast is live here. */
        PULLING,
        /** On demand, no viewer: nothing is pulled. */
        IDLE,
        /** The last attempt failed; the relay tries again. */
        FAILING,
        /** The relay was stopped. */
        STOPPED
    }

    static final String ALWAYS_ON = "always-on";
    static final String ON_DEMAND = "on-demand";

    private final String path;
    private final String origin;
    private final String mode;
    private State state;
    private long failures;
    private String lastError = "";

    /**
     * @param path   the live path it publishes, such as {@code /live/edge1}
     * @param origin the origin, whose text never shows credentials
     * @param mode   {@link #ALWAYS_ON} or {@link #ON_DEMAND}
     * @param start  its first state
     */
    RelayStatus(String path, OriginUrl origin, String mode, State start) {
        this.path = path;
        this.origin = origin.toString();
        this.mode = mode;
        this.state = start;
    }

    /** An attempt starts; a relay that is failing stays FAILING until it pulls. @return whether the state changed */
    synchronized boolean connecting() {
        return failures > 0 ? false : change(State.CONNECTING);
    }

    /** The origin plays: the failures are forgotten. @return whether the state changed */
    synchronized boolean pulling() {
        failures = 0;
        return change(State.PULLING);
    }

    /** Nothing is pulled, on purpose. @return whether the state changed */
    synchronized boolean idle() {
        return change(State.IDLE);
    }

    /** @param cause why the attempt or the pull failed; @return whether the state changed */
    synchronized boolean failed(String cause) {
        failures++;
        lastError = oneLine(cause);
        return change(State.FAILING);
    }

    synchronized void stopped() {
        change(State.STOPPED);
    }

    synchronized State state() {
        return state;
    }

    synchronized RelayInfo info() {
        return new RelayInfo(path, origin, mode, state.name(), failures, lastError);
    }

    private boolean change(State next) {
        boolean changed = state != next;
        state = next;
        return changed;
    }

    /** @return the text on one line, control characters replaced, bounded */
    static String oneLine(String cause) {
        return cause == null ? "" : ConfinedFolder.printable(cause.replaceAll("[\\r\\n\\t]+", " ").strip());
    }
}
