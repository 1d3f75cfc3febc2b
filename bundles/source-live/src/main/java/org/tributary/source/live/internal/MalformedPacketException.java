package org.tributary.source.live.internal;

/** A received RTP or RTCP packet that is dropped; the message names the cause. No stack trace: it is expected. */
final class MalformedPacketException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedPacketException(String message) {
        super(message, null, false, false);
    }
}
