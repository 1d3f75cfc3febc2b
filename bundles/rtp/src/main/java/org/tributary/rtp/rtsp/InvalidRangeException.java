package org.tributary.rtp.rtsp;

/**
 * A well-formed npt range the server cannot honour (end before start, no start): 457 Invalid Range.
 */
public final class InvalidRangeException extends RtspHeaderException {

    private static final long serialVersionUID = 1L;

    /** @param message the cause, naming the offending value */
    public InvalidRangeException(String message) {
        super(457, message);
    }
}
