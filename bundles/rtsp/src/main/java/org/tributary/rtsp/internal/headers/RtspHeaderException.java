package org.tributary.rtsp.internal.headers;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A header value or request URI that cannot be used; {@link #status()} is the response the server
 * answers with and the message names the cause. Subclasses exist so callers can catch one case.
 */
public abstract class RtspHeaderException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient HttpResponseStatus status;

    /**
     * @param status  the response status this failure maps to
     * @param message the cause, naming the offending value
     */
    protected RtspHeaderException(HttpResponseStatus status, String message) {
        super(message);
        this.status = status;
    }

    /** @return the RTSP status to answer with */
    public HttpResponseStatus status() {
        return status;
    }
}
