package org.tributary.api;

/** Why a source could not open or read media; protocol servers map the reason to a status. */
public class MediaException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The failure kinds a protocol server distinguishes. */
    public enum Reason {
        /** No such media at this path (RTSP/HTTP 404). */
        NOT_FOUND,
        /** The file exists but is not a format this source plays (415). */
        UNSUPPORTED,
        /** The media is damaged or unreadable (500). */
        CORRUPT,
        /** A requested position is outside the media (RTSP 457). */
        OUT_OF_RANGE,
        /** The path is already being published (RTSP 453 / HTTP 409). */
        BUSY,
        /** The request's description (such as an announced SDP) is invalid (400). */
        INVALID
    }

    private final Reason reason;

    /**
     * @param reason  failure kind
     * @param message what failed, naming the media
     */
    public MediaException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * @param reason  failure kind
     * @param message what failed, naming the media
     * @param cause   the underlying error
     */
    public MediaException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** @return the failure kind */
    public Reason reason() {
        return reason;
    }
}
