package org.tributary.rtsp.internal;

import io.netty.handler.codec.http.HttpResponseStatus;

/** A request that ends in an error status; the message goes to the log and the response reason. */
final class RtspException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient HttpResponseStatus status;

    RtspException(HttpResponseStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpResponseStatus status() {
        return status;
    }
}
