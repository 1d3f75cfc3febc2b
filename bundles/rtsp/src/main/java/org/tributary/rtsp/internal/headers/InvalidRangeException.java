package org.tributary.rtsp.internal.headers;

import io.netty.handler.codec.rtsp.RtspResponseStatuses;

/**
 * A well-formed npt range the server cannot honour (end before start, no start): 457 Invalid Range.
 */
public final class InvalidRangeException extends RtspHeaderException {

    private static final long serialVersionUID = 1L;

    /** @param message the cause, naming the offending value */
    public InvalidRangeException(String message) {
        super(RtspResponseStatuses.INVALID_RANGE, message);
    }
}
