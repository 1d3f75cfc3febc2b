package org.tributary.rtp.rtsp;

/**
 * Syntax error or out-of-bounds number in a header value or the request URI: 400 Bad Request.
 */
public final class MalformedHeaderException extends RtspHeaderException {

    private static final long serialVersionUID = 1L;

    /** @param message the cause, naming the offending value */
    public MalformedHeaderException(String message) {
        super(400, message);
    }
}
