package org.tributary.rtsp.internal.codec;

/**
 * Thrown inside the framing code when the stream cannot be framed; the decoder turns it into a
 * {@link BadRtspMessage}. It never leaves the package, so it carries no stack trace.
 */
final class FramingViolation extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient BadRtspMessage signal;

    FramingViolation(BadRtspMessage signal) {
        super(signal.detail(), null, false, false);
        this.signal = signal;
    }

    BadRtspMessage signal() {
        return signal;
    }
}
