package org.tributary.rtp.rtsp;

/**
 * No transport offered by the client can be served (e.g. RTP/SAVP, RAW/RAW/UDP, multicast): 461
 * Unsupported Transport.
 */
public final class UnsupportedTransportException extends RtspHeaderException {

    private static final long serialVersionUID = 1L;

    /** @param message the cause, naming the offending value */
    public UnsupportedTransportException(String message) {
        super(461, message);
    }
}
