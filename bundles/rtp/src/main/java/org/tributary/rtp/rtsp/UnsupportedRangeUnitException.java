package org.tributary.rtp.rtsp;

/**
 * A Range in a unit other than npt (smpte, clock): 501 Not Implemented, the unit is valid RTSP the
 * server does not implement.
 */
public final class UnsupportedRangeUnitException extends RtspHeaderException {

    private static final long serialVersionUID = 1L;

    /** @param message the cause, naming the offending value */
    public UnsupportedRangeUnitException(String message) {
        super(501, message);
    }
}
