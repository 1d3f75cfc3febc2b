package org.tributary.rtp;

/**
 * A received RTP or RTCP packet that does not hold what its headers say; the message names the cause.
 * Expected of untrusted input, so it carries no stack trace.
 */
public final class MalformedRtpException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message the cause, for the log line of the dropped packet */
    public MalformedRtpException(String message) {
        super(message, null, false, false);
    }
}
