package org.tributary.rtp.rtsp;

/**
 * A header value or request URI that cannot be used; {@link #statusCode()} is the RTSP status a
 * server answers with and the message names the cause. Subclasses exist so callers can catch one case.
 */
public abstract class RtspHeaderException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int statusCode;

    /**
     * @param statusCode the RTSP status code this failure maps to, such as 400
     * @param message    the cause, naming the offending value
     */
    protected RtspHeaderException(int statusCode, String message) {
        super(message);
        this.statusCode = statusCode;
    }

    /** @return the RTSP status code to answer with (RFC 2326 §7.1.1), such as 400 or 461 */
    public int statusCode() {
        return statusCode;
    }
}
